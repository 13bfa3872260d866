#!/usr/bin/env bash
################################################################################
# Bash Trash
# Licensed under the terms of the MIT Open Source License
#
HOME=home
mkdir -p home
touch old.iso
set -- old.iso

if [ $# = 1 ]
then
    if [ ! -d ~/.Trash ]; then
        mkdir -p ~/.Trash
	echo "~/.Trash/ folder created. (Look there for your trashed files if you need them"
	echo "back.) Don't forget to empty it now and then!"
    fi
    mv $1 ~/.Trash/
    echo 'Moved' $1 'to the trash...'
else
    echo I need a single argument... Feed me a filename, and I will trash it.
fi
ls -A home/.Trash
