#!/usr/bin/env bash
# nvm.sh - Script to install Node Version Manager

# curl is a stand-in: the release API answer, or an installer; try_run is
# the repository's helper that runs a command and reports a failure
mkdir -p bin home
export HOME="$PWD/home"
cat > bin/curl <<'EOF'
#!/bin/sh
for a; do :; done
case $a in
  *api.github.com*) printf '{\n  "url": "x",\n  "tag_name": "v0.40.1",\n  "name": "v0.40.1"\n}\n' ;;
  *) echo 'echo "=> installing nvm from the script at ${0:-stdin}"' ;;
esac
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

try_run() {
    if ! "$@"; then
        echo "command failed: $*"
        return 1
    fi
}

install_nvm() {
    if ! command -v nvm &> /dev/null; then
        echo "Installing nvm..."
        try_run curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/$(curl -s https://api.github.com/repos/nvm-sh/nvm/releases/latest | grep -oP '"tag_name": "\K(.*)(?=")')/install.sh | bash
    else
        echo "nvm is already installed. Skipping installation."
    fi
}

install_nvm
