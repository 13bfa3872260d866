#!/bin/sh  
date() { echo "Tue Mar 12 03:00:01 UTC 2024"; }
mail() { echo "To: $3"; echo "Subject: $2"; cat; }
mkdir -p sys/class/hwmon/hwmon0
echo 52000 > sys/class/hwmon/hwmon0/temp1_input

TEMP1=`tail sys/class/hwmon/hwmon0/temp1_input`
TEMP=`echo $(($TEMP1/1000))`

if [ $TEMP -ge 45 ]; then
	echo $(date)'\nCPU temperature is '${TEMP}'℃, too HOT!' | mail -s "CPU temp Warn -15" ops@example.org
fi
