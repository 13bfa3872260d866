#!/bin/bash
useradd() { echo "useradd $*"; }
chpasswd() { sed 's/:.*/:********/'; }
printf 'user1\tpasswd1\nuser2\tpasswd2\n' > input.txt
file="input.txt"
while read user passwd
do
  useradd --create-home "$user"
  echo "$user":"$passwd" | chpasswd
done < $file
