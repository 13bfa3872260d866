#!/bin/sh

# Stand-ins: ps shows a fixed php-fpm master; the kill under bin/ (for
# /bin/kill) and the php-fpm binary under home/ print what they would do.
mkdir -p bin home/worker/php/sbin
ps() { printf 'UID        PID  PPID  C STIME TTY          TIME CMD\nworker    4242     1  0 09:00 ?        00:00:01 php-fpm: master process (/home/worker/php/etc/php-fpm.conf)\nworker    4243  4242  0 09:00 ?        00:00:00 php-fpm: pool www\n'; }
cat > bin/kill <<'EOF'
#!/bin/sh
echo "kill $*"
EOF
cat > home/worker/php/sbin/php-fpm <<'EOF'
#!/bin/sh
echo "php-fpm started"
EOF
chmod +x bin/kill home/worker/php/sbin/php-fpm
set -- restart

ulimit -SHn 1024

function stop_php()
{
	printf "Stoping PHP...\n"
	pid=`ps -ef |grep php-fpm |grep master |awk '{print $2}'`
	bin/kill ${pid}
}

function start_php()
{
	printf "Starting PHP...\n"
	home/worker/php/sbin/php-fpm
}

function kill_php()
{
	pid=`ps -ef |grep php-fpm |grep master |awk '{print $2}'`
	bin/kill ${pid}
}

function restart_php()
{
	printf "Restarting PHP...\n"
	stop_php
	sleep 1
	start_php
}

if [ "$1" = "start" ]; then
    start_php
elif [ "$1" = "stop" ]; then
    stop_php
elif [ "$1" = "restart" ]; then
	restart_php
elif [ "$1" = "kill" ]; then
	kill_php
else
    printf "Usage: home/worker/php/sbin/php-fpm {start|stop|restart|kill}\n"
fi
