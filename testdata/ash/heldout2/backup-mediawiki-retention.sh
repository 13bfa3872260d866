#!/bin/sh
mysqldump() { echo "-- dump of $*"; }
MYSQL_DATABASE=wiki
BACKUP_RETENTION=2
mkdir -p backup images
echo img > images/a.png
for day in 1 2 3 4; do
  now="1700000${day}00_2023-11-1${day}"
  mysqldump --opt -h db -u wiki -psecret ${MYSQL_DATABASE} | gzip > "./backup/${now}_${MYSQL_DATABASE}.sql.gz"
  tar -zcf ./backup/${now}_${MYSQL_DATABASE}.tar.gz images
  touch -d "2023-11-1${day} 10:00:00" ./backup/${now}_*
done
# cleanup (keep last N backups of each kind)
ls -d -1t ./backup/* | tail -n +`expr $BACKUP_RETENTION + $BACKUP_RETENTION + 1` | xargs rm -f
ls ./backup
