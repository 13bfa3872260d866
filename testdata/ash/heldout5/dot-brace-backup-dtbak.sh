#!/bin/bash

# Find all dot files then if the original file exists, create a backup
# Once backed up to {file}.dtbak symlink the new dotfile in place
mkdir -p home repo
printf 'x\n' > repo/vimrc
printf 'y\n' > repo/gitconfig
printf 'mine\n' > home/vimrc
cd repo
for file in *; do
    if [ -e ../home/$file ]; then
        mv -f ../home/$file{,.dtbak}
    fi
    ln -s $PWD/$file ../home/$file
done
ls ../home
