#!/bin/bash
mkdir -p scheduled/backups
touch -d '2001-01-01' scheduled/backups/warehouse-old.sql
echo "select 1" > scheduled/backups/warehouse-`date +20\%y\%m\%d`.sql
find scheduled/backups -name "warehouse*.sql" -type f -mtime +2 -delete
ls scheduled/backups | wc -l
