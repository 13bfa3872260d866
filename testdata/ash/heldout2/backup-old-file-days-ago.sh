#!/bin/bash
mysqldump() { echo "dump of $*"; }
DBName=stock
BackupPath=./db-bak/
LogFile=./db-bak/db.log
mkdir -p $BackupPath
NewFile="$BackupPath"db$(date +%y%m%d).tgz
DumpFileName=db$(date +%y%m%d).sql
DumpFile="$BackupPath$DumpFileName"
OldFile="$BackupPath"db$(date +%y%m%d --date='5 days ago').tgz
touch "$OldFile"
echo "------------------------------------" >> $LogFile
echo "backup of $DBName" >> $LogFile
if [ -f $OldFile ]; then
  rm -f $OldFile >> $LogFile 2>&1
  echo "[old backup removed]" >> $LogFile
else
  echo "[no old backup]" >> $LogFile
fi
mysqldump $DBName > $DumpFile
tar czf $NewFile -C $BackupPath $DumpFileName >> $LogFile 2>&1
rm -f $DumpFile
cat $LogFile
ls $BackupPath | wc -l
