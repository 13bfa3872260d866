#!/bin/env sh

extract() {
  case "$1" in
  *.tar.bz2) tar xjf "$1" ;;
  *.tar.gz) tar xzf "$1" ;;
  *.bz2) bunzip2 "$1" ;;
  *.rar) unrar e "$1" ;;
  *.gz) gunzip "$1" ;;
  *.tar) tar xf "$1" ;;
  *.tbz2) tar xjf "$1" ;;
  *.tgz) tar xzf "$1" ;;
  *.zip) unzip "$1" ;;
  *.Z) uncompress "$1" ;;
  *.7z) 7za e "$1" ;;
  *.tar.xz) tar xf "$1" ;;
  *) echo "'$1' cannot be extracted" ;;
  esac
}

mkdir -p pkg && echo 'prefix=/usr' > pkg/config.mk
tar cf - pkg | bzip2 > pkg-1.0.tar.bz2 && tar cf - pkg | gzip > pkg-1.0.tar.gz && rm -r pkg
extract pkg-1.0.tar.bz2 && cat pkg/config.mk && rm -r pkg
extract pkg-1.0.tar.gz && cat pkg/config.mk
extract pkg-1.0.deb
