#!/bin/bash
top=$PWD
HOME=$top    # the user's home: here, the working directory
mkdir -p WildlifeCamera/north WildlifeCamera/south
touch -t 202305061230 WildlifeCamera/north/IMG_0001.JPG
touch -t 202306170845 WildlifeCamera/south/CAMERA01_20230617_1.jpg
touch -t 202307010000 WildlifeCamera/readme
DATE=`date +%Y%m%d`
begdir="$top/WildlifeCamera"
echo "Rename ALL files with prefix of current date"
dirs=`find $begdir -type d | sort`
for d in $dirs; do
	cd $d
	for f in *; do
		if [[ -f $f ]]; then
			stat=$(stat -c %y $f)
			md=${stat:0:10}
			md="${md//-}"
			chrs=${#f}
			if [ $chrs -lt 21 ] ; then
				nf="$md-$f"
			else
			  	fn=${f:0:8}
				fd=${f:9:8}
				fx=${f:17}
				nf="$fd-$fn$fx"
			fi
			mv "$f" "$nf"
			echo "Dir=$d, Before=$f, After=$nf"
		else
			echo "Dir=$d, Skipped $f - not a file"
		fi
		done
	done | sed "s|$top/||g"
cd ~
cd "$top" && find WildlifeCamera -type f | sort
