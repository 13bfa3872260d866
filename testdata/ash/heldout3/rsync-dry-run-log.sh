#!/bin/bash
rsync() { echo "rsync $*"; }
mkdir -p media/backups tmp
rsync -rtERvv --dry-run --delete --exclude=".*/" ./media/backups/ ./nas/backups/ &> ./tmp/rsync-backup-$(date +%Y-%m-%d).txt
ls ./tmp | sed 's/[0-9-]*\.txt$/DATE.txt/'
cat ./tmp/*.txt
