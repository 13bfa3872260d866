#!/bin/sh
#
# nvm
#
# nvm is a POSIX-compliant bash script to manage multiple active node.js versions

# nvm-install is the dotfiles' own installer: a stand-in on PATH
mkdir -p bin home
export HOME="$PWD/home"
cat > bin/nvm-install <<'EOF'
#!/bin/sh
mkdir -p "$HOME/.nvm"
echo "  nvm v0.39.7 cloned"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Check for nvm
if ! [ -d "${HOME}/.nvm" ]
then
  echo "  Installing nvm for you."

  nvm-install

fi

ls -d home/.nvm
exit 0
