#!/bin/bash

# 755 for directories and 644 for the files with the extensions of the second loop
sudo() { "$@"; }
mkdir -p app/views app/lib
touch app/index.php app/views/home.phtml app/lib/util.PHP app/README
chmod 700 app/views
chmod 600 app/index.php

for dir in $(find ./ -type d -print)
do
  
  sudo chmod -R 755 $dir
  echo "permission changed 755 for directory : ".$dir
done >output_file.log

for dir in $(find . -print | grep -i '[.]phtml\|[.]php')
do
  
  sudo chmod -R 644 $dir
  echo "permission changed 644 for file : "$dir
done >>output_file.log

# find's order differs between file systems
sort output_file.log
#End

