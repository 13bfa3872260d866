#!/bin/bash
# curl is a stand-in that writes a small installer; HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
cat > bin/curl <<'EOF'
#!/bin/sh
out=
for a; do
  [ "$prev" = -o ] && out=$a
  prev=$a
done
cat > "$out" <<'INSTALLER'
mkdir -p "$HOME/.nvm"
echo 'nvm() { echo "nvm: $* (now using node v22.1.0)"; }' > "$HOME/.nvm/nvm.sh"
echo 'complete_nvm=loaded' > "$HOME/.nvm/bash_completion"
echo "=> nvm installed"
INSTALLER
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

curl -sL https://raw.githubusercontent.com/nvm-sh/nvm/v0.35.0/install.sh -o install_nvm.sh
bash install_nvm.sh

export NVM_DIR="$HOME/.nvm"
  [ -s "$NVM_DIR/nvm.sh" ] && \. "$NVM_DIR/nvm.sh"
  [ -s "$NVM_DIR/bash_completion" ] && \. "$NVM_DIR/bash_completion"
nvm install node
echo "completion: $complete_nvm"
