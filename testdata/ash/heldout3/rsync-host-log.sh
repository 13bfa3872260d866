#!/bin/bash
hostname() { [ "$1" = -f ] && echo "laptop.example.org" || echo "laptop"; }
rsync() { echo "sent 10 bytes  received 20 bytes"; }
host=$(hostname)
log="./backup.log"
src=$HOME
echo "++ START BACKUP $(date +%Y)" > $log
echo "" >> $log
echo "host: $(hostname -f)" >> $log
echo "" >> $log
rsync -a -R -r --stats --progress --delete --files-from=./backup_list --exclude-from=./backup_exclude ./ ./Volumes/backup/$host/ >> $log
echo "" >> $log
echo "-- END BACKUP $(date +%Y)" >> $log
sed "s/[0-9]\{4\}$/YEAR/" $log
