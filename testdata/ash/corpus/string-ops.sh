#!/bin/sh
file=/var/backups/db-2024-01-02.sql.gz
echo "${file##*/}"
echo "${file%%.*}"
echo "${file%.gz}"
name=${file##*/}
echo "${#name}"
base=${name%.sql.gz}
echo "date part: ${base#db-}"
