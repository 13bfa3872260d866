#!/bin/bash
shopt -s -o noclobber
shopt -s -o nounset
mysqldump() { echo "dump"; }
DB=app
DIR=./dumps
mkdir -p $DIR/daily $DIR/weekly
dow=3
file=$DIR/daily/$DB-day$dow.sql
mysqldump > $file
if ! mysqldump > $file 2>/dev/null; then
  echo "not overwriting $file"
fi
if [ $dow -eq 7 ]; then cp $file $DIR/weekly/; fi
echo "kept: $(ls $DIR/daily)"
echo "${UNSET_VAR:-default ok}"
