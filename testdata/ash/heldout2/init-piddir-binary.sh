#!/bin/sh
# after a generic init.d script: create the pid directory, check the binary
OPTIONS=""
DAEMON_BINARY=./sbin/svc
DAEMON_NAME=svc
PIDFILE=./var/run/svc/svc.pid
PIDDIRECTORY=`dirname ${PIDFILE}`
mkdir -p sbin
printf '#!/bin/sh\n[ "$1" = -p ] && echo $$ > "$2"\n' > $DAEMON_BINARY
start() {
	echo -n "Starting service ${DAEMON_NAME}..."
	if [ ! -d "${PIDDIRECTORY}" ]
	then
	    mkdir -p "${PIDDIRECTORY}"
	    chmod 775 "${PIDDIRECTORY}"
	fi
	if [ ! -x "${DAEMON_BINARY}" ]; then
	    echo "${DAEMON_NAME} binary missing - not starting"
	    return 1
	fi
	if "${DAEMON_BINARY}" -p "${PIDFILE}" ${OPTIONS} ; then
	    echo " ok"
	else
	    echo " failed"
	    return 1
	fi
}
start || echo "first start failed"
chmod +x $DAEMON_BINARY
start
ls -ld "$PIDDIRECTORY" | cut -c1-10
