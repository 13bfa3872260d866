#!/bin/sh
mysqldump() { echo "dump $*"; }
fsphys_root=.
mkdir -p cron db_backup
cd "$fsphys_root/"
cd cron/
backup_prefix="../db_backup/"$(date -Iminutes | cut -c1-10)
db_pw='*****'
mysqldump -h 'localhost' -u 'pinfofs' -p"$db_pw" \
	--log_error='mysqldump.log' --compatible=ansi --all-databases \
	> "${backup_prefix}_backup.sql"
mysqldump -h 'localhost' -u 'pinfofs' -p"$db_pw" \
	--log_error='mysqldump.log' --compatible=ansi --skip-lock-tables \
	INFORMATION_SCHEMA \
	> "${backup_prefix}_backup_schema.sql"
db_pw=
gzip "${backup_prefix}_backup.sql" "${backup_prefix}_backup_schema.sql"
ls ../db_backup | sed 's/^[0-9-]*//'
