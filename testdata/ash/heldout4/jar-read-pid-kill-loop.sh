#! /bin/bash

pid_file=service.pid
java() { sleep 3; }
sleep 5 &
echo $! > $pid_file

if [ -f $pid_file ]; then
	read pid <$pid_file	
	kill $pid
	while [ 1 ]
	do
		if ps -p $pid | grep $pid > /dev/null
		then
			sleep 1
		else
			break
		fi
	done
	echo "old instance stopped"
fi

java -jar hello.jar & echo $! > $pid_file &
wait
[ -s $pid_file ] && echo "new pid recorded"
