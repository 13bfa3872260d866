#!/bin/bash
printf 'no-such-daemon-xyz\n' > watchdog.list
WATCHDOG_FILE=./watchdog.list
THISSCRIPT=$(readlink -f $0)
no-such-daemon-xyz() { echo "restarted"; }
echo "Watchdog"
echo "================================="
echo "To install, add '* * * * * root ${THISSCRIPT##*/}' to the crontab"
echo ""
while read WATCHDOG_PROCESS; do
	echo -n "Checking process '$WATCHDOG_PROCESS'..."
	COUNT=`ps -ef | grep "$WATCHDOG_PROCESS" | grep -v "grep" | wc -l`
	if [ $COUNT -eq 0 ]; then
		echo "not found!"
		$($WATCHDOG_PROCESS) &
	else
		echo "found. OK"
	fi
done < $WATCHDOG_FILE
wait
