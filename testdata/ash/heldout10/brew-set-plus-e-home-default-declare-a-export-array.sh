#!/bin/bash
# vim: ft=bash
#
# The purpose of this script is to bootstrap Bashmatic on a
# new system. We are supporting OS-X and Linux, although on
# OS-X we do a lot more initialization to ensure Bashmatic
# can properly function.
#
# uname answers as a Linux host would; sudo and brew are stand-ins
mkdir -p bin
printf '#!/bin/sh\ncase "$1" in -m) echo x86_64 ;; *) echo Linux ;; esac\n' > bin/uname
for c in sudo brew; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

set +e

# Configuration
export HOME=${HOME:-"/"}
declare -a CHOWN_DIRS
declare -a BREW_PACKAGES
export CHOWN_DIRS=(/usr/local/Cellar /usr/local/Homebrew /usr/local/Caskroom /opt/homebrew)
export BREW_PACKAGES=(coreutils gnu-sed)

# Constants
export clr='\e[0m' # Text Reset
export bldylw='\e[1;33m'
export bldgrn='\e[1;32m'

info() {
  printf "${bldylw}%s${clr}\n" "$*"
}

success() {
  printf "${bldgrn}%s${clr}\n" "$*"
}

info "bootstrapping with HOME=${HOME}"

if [ "$(uname -s)" = "Darwin" ]; then
  for dir in "${CHOWN_DIRS[@]}"; do
    [ -d "${dir}" ] && sudo chown -R "${USER}" "${dir}"
  done
  for package in "${BREW_PACKAGES[@]}"; do
    brew install "${package}"
  done
else
  info "$(uname -s): no Homebrew needed for ${#BREW_PACKAGES[@]} packages"
fi

success "bootstrap complete"
