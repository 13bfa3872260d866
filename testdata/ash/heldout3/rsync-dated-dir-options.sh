#!/bin/bash
rsync() { echo "rsync $#"; }
echo "*.tmp" > rsync-exclude.txt
echo "etc/" > rsync-include.txt
dir_name=`date +%Y%m%d`
mkdir -p ./backup/$dir_name
rsync --archive --one-file-system --hard-links --human-readable --inplace --numeric-ids --delete --delete-excluded --progress --exclude-from=./rsync-exclude.txt --include-from=./rsync-include.txt ./src/* ./backup/$dir_name
ls ./backup | wc -l
