#!/usr/bin/env bash
#
# zsh
#
# This installs things for zsh.
#
# curl prints a small installer that does what Oh My Zsh's does to an
# existing .zshrc; HOME is below the working directory

set -e

mkdir -p bin home
export HOME="$PWD/home"
echo 'export EDITOR=vim' > home/.zshrc
cat > bin/curl <<'EOF'
#!/bin/sh
cat <<'INSTALLER'
mkdir -p "$HOME/.oh-my-zsh"
mv "$HOME/.zshrc" "$HOME/.zshrc.pre-oh-my-zsh"
echo 'ZSH_THEME="robbyrussell"' > "$HOME/.zshrc"
echo "Oh My Zsh is now installed!"
INSTALLER
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Check if oh-my-zsh is already installed.
if test ! $(which omz)
then
  echo "  Installing oh-my-zsh for you."
  sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"

  # Keep the original .zshrc file we had.
  rm "$HOME/.zshrc"
  mv "$HOME/.zshrc.pre-oh-my-zsh" "$HOME/.zshrc"
fi
cat "$HOME/.zshrc"
