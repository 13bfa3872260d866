#!/bin/bash
# today's date is fixed here, so that runs agree
date() { echo 2024-05-01; }
touch backup.sh deploy.sh notes.txt
PICTURES=$(ls *sh)
DATE=$(date +%F)

for PICTURE in $PICTURES
do
	echo "REnaming ${PICTURE} to ${DATE}-${PICTURE}"
	mv ${PICTURE} ${DATE}-${PICTURE}
done
ls
