#!/bin/bash
# add users from a file of "name password" lines
useradd() { echo "useradd $*"; }
printf 'root pw1\nalice pw2\n' > users.txt
set -- users.txt
while read line
do
	echo $line
	i=1
	for word in $line
	do
		arr[i]=$word
		let "i +=1"
	done
	if id -u ${arr[1]} >/dev/null 2>&1; then
		echo "User ${arr[1]} exists"
	else
		echo "Created user ${arr[1]} with the password "
		useradd -m ${arr[1]}
		echo ${arr[2]}
	fi
done <$1
