#!/bin/bash
set -e
PIDFILE=./myservice
DAEMON=./fake-daemon
printf '#!/bin/sh\nfor a; do case $a in --pid-file=*) echo 777 > "${a#--pid-file=}";; esac; done\n' > $DAEMON
chmod +x $DAEMON
PNAME=${PIDFILE##*/}
PIDFILE="./${PNAME}.pid"
for action in start stop restart; do
case "$action" in
start)
    $DAEMON -v --pid-file=$PIDFILE
    echo "Process: $(cat $PIDFILE)"
    ;;
stop)
    if [ -f $PIDFILE ]
    then PID=$(cat $PIDFILE)
         [ -n "$PID" ] && kill -0 $PID 2>/dev/null || :
         rm -f $PIDFILE
    fi
    echo "stopped"
    ;;
*)  echo "Usage: start|stop|restart" >&2
    ;;
esac
done
exit 0
