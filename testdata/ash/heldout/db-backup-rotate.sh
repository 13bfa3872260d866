#!/bin/bash
# nightly database dump with retention (dump tool stubbed)
mysqldump() { printf -- '-- dump of %s\n' "$@"; }
NOW=$(date +"%Y-%m-%d_%H-%M-%S")
BackupPath=./backups/
mkdir -p $BackupPath
mysqldump -u dbuser appdb | gzip -c -9 > "${BackupPath}appdb.$NOW.sql.gz"
touch -d '2000-01-01' "${BackupPath}appdb.old.sql.gz"
find $BackupPath -name '*.sql.gz' -mtime +30 -exec rm {} \;
ls $BackupPath | wc -l
