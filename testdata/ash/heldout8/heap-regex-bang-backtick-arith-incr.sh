#!/bin/bash
#
# jmapCollector.sh
#
#  - collect jmap heap dumps at regular intervals
#
# Stand-ins: ps shows the JVM; jmap prints a histogram; the time of day is
# fixed. Two rounds here, a second apart.
ps() { case "$1" in -p) printf '  PID TTY          TIME CMD\n 4242 ?        00:01:10 java\n' ;; *) printf 'UID    PID  PPID  C STIME TTY   TIME CMD\napp   4242     1  3 09:00 ?     00:01:10 java -Xmx2g -jar app.jar\n' ;; esac; }
jmap() { printf ' num   #instances  #bytes  class name\n   1:   1200   96000  [B\n'; }
date() { echo "Fri Jan  5 12:00:00 UTC 2024"; }
set -- 4242

JVM_PID=$1
JMAP_COMMAND="jmap -histo:live"
INTERVAL=1

# check args
if [[ ! ${JVM_PID} =~ [0-9]+ ]]
then
	echo "USAGE: $0 <jvm-pid>"
	exit 1
fi

# check JVM_PID is running
if ! `ps -p ${JVM_PID} | grep -q java`
then
	echo "ERROR: Unable to find JVM process with PID ${JVM_PID}"
	exit 2
fi

echo "Running jmap heap dumps against JVM PID ${JVM_PID}...."
ps -fp ${JVM_PID}

i=1
rounds=0

while true
do
	echo "Taking JVM PID ${JVM_PID} heap dump @ `date`"
	${JMAP_COMMAND} ${JVM_PID} > jmap.${JVM_PID}-${i}.txt
	if [[ $? -gt 0 ]]
	then
		echo "ERROR: Problem running jmap command....exiting"
		exit 3
	fi
	(( i=i+1 ))
	sleep ${INTERVAL}
	rounds=$((rounds + 1)); [ $rounds -ge 2 ] && break
done
ls jmap.*
