#!/bin/bash
# keep only the newest ROTATIONS dumps per database
ROTATIONS=3
DATABASES="main audit"
mkdir -p dumps
for db in $DATABASES; do
  for i in 1 2 3 4 5; do touch -d "2020-01-0$i" "dumps/$db-$i.sql"; done
done
for db in $DATABASES; do
  count=$(ls -1 dumps/$db-*.sql | wc -l)
  if [ $count -gt $ROTATIONS ]; then
    ls -1t dumps/$db-*.sql | tail -n +$((ROTATIONS+1)) | xargs rm -f
  fi
done
ls dumps | sort
