#!/bin/bash
jarname='url-shortener-0.0.1-SNAPSHOT.jar'
java() { echo "java $*"; }
pid=`ps aux |grep $jarname |grep -v grep |awk '{print $2}'`
echo "find pid $pid,kill it"
if [ $pid ];then
  kill -9 $pid
fi
mkdir -p web
cd web/ && nohup java -jar $jarname  -Xms 512m -Xmx512m > server.log 2>&1 &
wait
echo "current directory is `pwd | sed 's|.*/||'`,server started successfully..."
cat web/server.log
