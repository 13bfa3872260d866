#!/bin/bash

filetypes=(.en.vtt .jpg .mkv .mp4 .webm)

touch talk.mp4 talk.en.vtt talk.txt walk.jpg

rename_main() {
if [ ! $1 ];then
	echo -e "\n\nrename.sh"
	echo -e "\nPurpose: puts the date given by <date> in front of every file whose name starts with <filename-string>, so that they sort by date."
	echo -e "\nUse: rename.sh <filename-string> <date>\n\n"
else

	NAM=$1
	if [ ! $2 ];then
		read -p "No date string provided. Please provide a date string:" DATE
	else
		DATE=$2
	fi

	for i in ${filetypes[*]};do
		if [ -e "$NAM$i" ];then
			echo "$NAM$i -> $DATE-$NAM$i"
			mv "$NAM$i" "$DATE-$NAM$i"
		fi
	done
fi
}

rename_main
rename_main talk 2024-03-01
rename_main walk <<'IN'
2024-03-02
IN
ls
