#!/bin/bash
# Link every dotfile of the repository into the home directory, keeping a
# backup of what was there.
HOME=home
mkdir -p home/dotfiles/.config
cd home/dotfiles
printf 'set nu\n' > .vimrc
printf 'alias ll="ls -l"\n' > .bashrc
printf 'old\n' > ../.bashrc

for file in .*; do
    if [ ! -d $file ]; then
        if [ -e ../$file ]; then
            mv ../$file ../.dot.bkup.$file
        fi
        ln -si dotfiles/$file ..
    fi
done < /dev/null
cd ..
ls -A | sort
