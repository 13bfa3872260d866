#!/bin/bash
set -o nounset # set -u (exits, if you try to use an uninitialised variable)
set -o errexit # set -e (exits, if any statement returns a non-true value)

# Alias 'rm' so that a file/folder deleted from the command line is moved
# into Trash, from where it can be restored.
HOME=home
mkdir -p home/.local/share/Trash/files
printf 'a\n' > notes.txt; printf 'b\n' > notes.txt.bak; mkdir -p build

alias rm='move2Trash'

move2Trash()
{
	TRASH_DIR=$HOME/.local/share/Trash/
	while [ ! -z "${1:-}" ]; do
		file_name=`echo "$1"|awk -F/ '{print $NF}'`
		
		#----- This is to avoid file overwriting(by renaming) -------
		file_base=${file_name%.*}
		file_ext=${file_name##*.}
		target=$file_name
		n=1
		while [ -e "$TRASH_DIR/files/$target" ]; do
			target="$file_base.$n.$file_ext"
			n=$((n+1))
		done
		printf '[Trash Info]\nPath=%s\n' "$1" > "$TRASH_DIR/files/$target.trashinfo"
		mv "$1" "$TRASH_DIR/files/$target"
		shift
	done
}

rm notes.txt build
printf 'c\n' > notes.txt
rm notes.txt
ls "$HOME/.local/share/Trash/files"
