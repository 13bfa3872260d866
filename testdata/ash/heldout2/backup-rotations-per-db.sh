#!/bin/sh
mysqldump() { echo "dump $*"; }
BACKUP_DATE="2024-03-05_10-00"
DATABASES="mysql test1 test2"
MYSQLDUMP="mysqldump --password=test123"
BACKUP_LOCATION="./backups"
USERNAME="root"
ROTATIONS=3
if [ ! $ROTATIONS -gt 1 ]; then
  echo "You must keep at least 2 rotations"
  exit 1
fi
mkdir -p $BACKUP_LOCATION
for db in $DATABASES; do
  for old in 1 2 3 4; do echo old > $BACKUP_LOCATION/$db.2024-03-0${old}_10-00.sql; done
  $MYSQLDUMP -u $USERNAME $db > $BACKUP_LOCATION/$db.$BACKUP_DATE.sql
  count=`ls $BACKUP_LOCATION/$db.*.sql | wc -l`
  if [ $count -gt $ROTATIONS ]; then
    ls $BACKUP_LOCATION/$db.*.sql | sort | head -n `expr $count - $ROTATIONS` | while read f; do rm -f $f; done
  fi
done
ls $BACKUP_LOCATION
