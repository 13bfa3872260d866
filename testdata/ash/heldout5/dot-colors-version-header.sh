#!/bin/bash
## =============================================================================
# File:     install.sh
#
# Purpose:  link the dotfiles of this repository into place
#
## =============================================================================
__version__="0.1"
__author__="nobody"
## ========[ TEXT COLORS ]=============== ##
GREEN="\033[01;32m"    # Success
YELLOW="\033[01;33m"   # Warnings/Information
RED="\033[01;31m"      # Issues/Errors
BLUE="\033[01;34m"     # Heading
BOLD="\033[01;01m"     # Highlight
RESET="\033[00m"       # Normal
## =============================================================================
HOME=home
APP_BASE=dotfiles
BACKUP_DIR="${HOME}/.dotfiles-backup"
mkdir -p "$HOME" "$APP_BASE"
for f in bashrc profile; do echo "# $f" > "$APP_BASE/$f"; done
echo old > "$HOME/.profile"

echo -e "${BLUE}[*]${RESET} Installing dotfiles v${__version__}"
[[ ! -d "$BACKUP_DIR" ]] && mkdir -p "$BACKUP_DIR"
for file in "$APP_BASE"/*; do
  name=".${file##*/}"
  if [[ -e "${HOME}/${name}" && ! -L "${HOME}/${name}" ]]; then
    echo -e "${YELLOW}[*]${RESET} Backing up ${BOLD}${name}${RESET}"
    mv "${HOME}/${name}" "${BACKUP_DIR}/"
  fi
  cp -f "$file" "${HOME}/${name}" || echo -e "${RED}[ERROR]${RESET} ${name}"
done
echo -e "${GREEN}[+]${RESET} Done: $(ls -A "$HOME" | tr '\n' ' ')"
