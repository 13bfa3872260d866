#!/bin/bash
############################
# install.sh
# This script creates symlinks from the home directory to any desired dotfiles in ~/dotfiles
############################
HOME=$PWD/home
mkdir -p home/dotfiles/dotfiles
for f in bashrc gitconfig tmux.conf inputrc; do echo "# $f" > home/dotfiles/dotfiles/$f; done
echo 'old prompt' > home/.bashrc

########## Variables

dir=~/dotfiles/dotfiles # dotfiles directory
olddir=~/dotfiles_old   # old dotfiles backup directory
# List of files to symlink in homedir (excluding directories and install script)
files="bashrc gitconfig tmux.conf inputrc"

##########

# create dotfiles_old in homedir
echo "Creating the backup directory for any existing dotfiles in ~"
mkdir -p $olddir
echo "...done"

# change to the dotfiles directory
echo "Changing to the dotfiles directory"
cd $dir
echo "...done"

# move any existing dotfiles in homedir to dotfiles_old directory, then create symlinks
for file in $files; do
    echo "Moving any existing dotfiles from ~ to the backup directory"
    mv ~/.$file ~/dotfiles_old/ 2>/dev/null
    echo "Creating symlink to $file in home directory."
    ln -s $dir/$file ~/.$file
done
ls -A ~ ~/dotfiles_old | sed "s|$HOME|~|"
