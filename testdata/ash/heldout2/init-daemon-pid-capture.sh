#!/bin/bash
PWD=$(pwd)
DAEMON="${PWD}"/daemon
PIDFILE="${PWD}"/daemon.pid
printf '#!/bin/sh\nsleep 20 >/dev/null 2>&1 &\necho $!\n' > "$DAEMON"; chmod +x "$DAEMON"
start()
{
	rm -f ${PIDFILE}
	if [ -e ${DAEMON} ]
	then
		PID=$(${DAEMON})
		if [ "x${PID}" != "x" ]
		then
			echo $PID  >> ${PIDFILE}
		fi
	else
		echo "No daemon"
	fi
}
stop()
{
	kill $(cat ${PIDFILE})
	rm -f ${PIDFILE}
}
for a in start stop other; do
case "$a" in
	start) start; echo "pidfile lines: $(wc -l < $PIDFILE)" ;;
	stop) stop; [ -f $PIDFILE ] || echo "stopped" ;;
	*) echo "Usage: $0 start | stop" | sed 's,^Usage: .*/,Usage: ,' ;;
esac
done
