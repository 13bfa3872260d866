#!/bin/bash
mysqldump() { echo "-- all databases"; }
export DB_BACKUP="./mysql_backup"
export DB_USER="root"
export DB_PASSWD="secret"
mkdir -p $DB_BACKUP/01 $DB_BACKUP/02 $DB_BACKUP/03
echo ""
echo "mySQL_backup"
echo "----------------------"
echo "* Rotating backups..."
rm -rf $DB_BACKUP/04
mv $DB_BACKUP/03 $DB_BACKUP/04
mv $DB_BACKUP/02 $DB_BACKUP/03
mv $DB_BACKUP/01 $DB_BACKUP/02
mkdir $DB_BACKUP/01
echo "* Creating new backup..."
mysqldump --user=$DB_USER --password=$DB_PASSWD --all-databases | bzip2 > $DB_BACKUP/01/mysql-2024-01-01.bz2
bzip2 -dc $DB_BACKUP/01/mysql-2024-01-01.bz2
ls $DB_BACKUP
echo "Done"
exit 0
