#!/bin/bash
sudo() { "$@"; }
useradd() { echo "useradd $*"; }
printf 'ann\nbob\ncid\n' > users.txt
FILE="users.txt"
while read user
do
    sudo useradd -m $user
    echo "User $user created ✅"
done < $FILE
