#!/usr/bin/env bash

######################################
# installs nvm and its dependencies
# @author Bruno Barbosa
######################################

# run, action, error and ok are the repository's echo helpers; curl is a
# stand-in that prints a small installer
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
echo 'echo "=> nvm installed"'
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

run() { echo "[run] $1..."; }
action() { echo "[action] $1..."; }
error() { echo "[error] $1"; }
ok() { echo "[ok]"; }

function check.nvm() {
  run "checking nvm installation"
  nvm_bin=$(nvm --version) 2>&1 > /dev/null
  if [[ $? != 0 ]]; then
    action "installing nvm"
    curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.35.3/install.sh | bash
      if [[ $? != 0 ]]; then
        error "unable to install nvm, script $0 abort!"
        exit 2
      else
        nvm install --lts
        ok
      fi
    fi
}

check.nvm
