#!/usr/bin/env bash

set -euo pipefail

# The dotfiles are in dotfiles/ (the script is read as dotfiles/install.sh);
# sudo runs its command; chsh is a stand-in; wget prints a small installer;
# HOME is below the working directory
mkdir -p bin home dotfiles
export HOME="$PWD/home"
USER=deploy
echo 'source $ZSH/oh-my-zsh.sh' > dotfiles/zshrc
echo "alias ll='ls -l'" > dotfiles/alias
echo 'mkcd() { mkdir -p "$1" && cd "$1"; }' > dotfiles/function
echo 'PROMPT="λ "' > "dotfiles/λ.zsh-theme"
: > dotfiles/install.sh
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "chsh $*"\n' > bin/chsh
printf '#!/bin/sh\necho "echo Oh My Zsh from $1"\n' > bin/wget
chmod +x bin/*
PATH="$PWD/bin:$PATH"

readonly DIR="$(dirname "$(readlink -e "dotfiles/install.sh")")"


install_ohmyzsh()
{
  echo "Installing Oh-My-Zsh"
  local url
  url="https://raw.github.com/robbyrussell/oh-my-zsh/master/tools/install.sh"
  sudo chsh -s "$(command -v zsh)" "$USER"
  set +e
  wget "$url" -O - | sh
  set -e
  echo "Oh-My-Zsh installed"
}


setup_shell()
{
  echo "Copying over shell profile, aliases, and function"
  mkdir -p "$HOME/.oh-my-zsh/custom/themes"
  cp "$DIR/zshrc" "$HOME/.zshrc"
  cp "$DIR/alias" "$HOME/.oh-my-zsh/custom/alias.zsh"
  cp "$DIR/function" "$HOME/.oh-my-zsh/custom/function.zsh"
  cp "$DIR/λ.zsh-theme" "$HOME/.oh-my-zsh/custom/themes/λ.zsh-theme"
  echo "Shell profile, aliases, and function copied"
}

install_ohmyzsh
setup_shell
cd "$HOME" && find . -type f | sort
