#!/usr/bin/env bash
# Dorothy's strict mode and its setup-util are in the working directory:
# setup-util is a stand-in on PATH that says what it would install
mkdir -p bin dorothy/sources
echo 'set -eu' > dorothy/sources/strict.bash
cat > bin/setup-util <<'EOF'
#!/bin/sh
for a; do
  case $a in
    NAME=*|CLI=*|APK=*|INSTALLER=*|--*) printf '%s ' "$a" ;;
  esac
done
echo
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
DOROTHY=dorothy
set -- --quiet

source "$DOROTHY/sources/strict.bash"

# https://github.com/ohmyzsh/ohmyzsh/wiki/Installing-ZSH
setup-util "$@" NAME='zsh' CLI='zsh' \
	APK='zsh' \
	APT='zsh' \
	BREW='zsh' \
	DNF='zsh' \
	EMERGE='zsh' \
	EOPKG='zsh' \
	PACMAN='zsh' \
	PKG='zsh' \
	PKGADD='zsh' \
	PORT='zsh' \
	VOID='zsh' \
	YUM='zsh' \
	ZYPPER='zsh'

# https://ohmyz.sh/#install
setup-util "$@" --confirm --optional NAME='Oh My ZSH' \
	INSTALLER='https://raw.github.com/ohmyzsh/ohmyzsh/master/tools/install.sh'
