#!/usr/bin/env bash

# curl prints a small tarball made first; usr/local is below the working
# directory
mkdir -p bin usr/local fx/brew-master/bin
printf '#!/bin/sh\necho "Homebrew 4.3.5"\n' > fx/brew-master/bin/brew
chmod +x fx/brew-master/bin/brew
tar -czf brew.tgz -C fx brew-master
printf '#!/bin/sh\ncat "%s"\n' "$PWD/brew.tgz" > bin/curl
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# install homebrew package manager
cd usr/local
mkdir homebrew && curl -L https://github.com/Homebrew/brew/tarball/master | tar xz --strip 1 -C homebrew
homebrew/bin/brew
