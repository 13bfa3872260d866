#!/bin/sh
 
# Stand-ins: ps lists two php-fpm processes and a grep; kill (a small
# script on PATH, which xargs runs) prints what it would kill; the php-fpm
# binary prints that it started.
mkdir -p bin usr/local/opt/php55/sbin
ps() { printf 'USER   PID %%CPU %%MEM COMMAND\nwww   4242  0.0  0.1 php-fpm: master process\nwww   4243  0.0  0.1 php-fpm: pool www\nme    5000  0.0  0.0 grep -i php-fpm\n'; }
cat > bin/kill <<'EOF'
#!/bin/sh
echo "kill $*"
EOF
cat > usr/local/opt/php55/sbin/php-fpm <<'EOF'
#!/bin/sh
echo "php-fpm $*"
EOF
chmod +x bin/kill usr/local/opt/php55/sbin/php-fpm
PATH="$PWD/bin:$PATH"
set -- restart
 
param=$1
 
start()
{
    fpms=`ps aux | grep -i "php-fpm" | grep -v grep | awk '{print $2}'`
    if [ ! -n "$fpms" ]; then
        usr/local/opt/php55/sbin/php-fpm --fpm-config usr/local/etc/php/5.5/php-fpm.conf > /dev/null &
	echo "PHP-FPM Start"
    else
        echo "PHP-FPM Already Start"
    fi
}
 
stop()
{
    fpms=`ps aux | grep -i "php-fpm" | grep -v grep | awk '{print $2}'`
    echo ${fpms} | xargs kill -9
 
    for pid in ${fpms}; do
        if echo ${pid} | egrep -q '^[0-9]+$'; then
            echo "PHP-FPM Pid $pid Kill"
        else
            echo "$pid IS Not A PHP-FPM Pid"
        fi
    done
}
 
case ${param} in
    'start')
        start;;
    'stop')
        stop;;
    'restart')
        stop
        start;;
    *)
        echo "Usage: fpm start|stop|restart";;
esac
wait
