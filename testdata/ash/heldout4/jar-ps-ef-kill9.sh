#!/bin/bash
mkdir -p bin
printf '#!/bin/sh\nsleep 3\n' > bin/java
chmod +x bin/java
PATH=$PWD/bin:$PATH
java -jar sample.jar > /dev/null &
sleep 1
id=$(ps -ef|grep sample.jar|grep -v grep|awk '{print $2}')
if [ ! $id ]; then echo "process not started"; else kill -9 $id;fi
sleep 2s;
nohup java -jar sample.jar  > nohup.out &
echo "started"
