#! /bin/bash
# Stand-ins: ssh and scp print what they would do (to a log, since the
# script sends ssh's output away); the home directory is local.
HOME=$PWD/home
mkdir -p "$HOME"
echo 'REDIS0009' > "$HOME/dump.rdb"
ssh() { echo "ssh $1" >> ssh.log; cat >> ssh.log; }
scp() { echo "scp $(basename "$1") $2"; }

rm ~/dump.rdb
echo start dump REDIS_DATA

ssh root@192.0.2.10 > /dev/null 2>&1 << eeooff
redisPID=`pidof redis-server`
if [ $redisPID!="" ]; then
    kill $redisPID
fi
exit
eeooff

echo start upload REDIS_DATA
scp ~/dump.rdb root@192.0.2.10:/var/lib/redis/
rm ~/dump.rdb

ssh root@192.0.2.20 > /dev/null 2>&1 << eeooff
chmod 777 /var/lib/redis/dump.rdb
/etc/init.d/redis-server start
exit
eeooff
echo done!
cat ssh.log
