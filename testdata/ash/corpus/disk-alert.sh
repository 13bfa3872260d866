#!/bin/sh
THRESHOLD=90
report() {
	usage=$1 mount=$2
	if [ "$usage" -ge "$THRESHOLD" ]; then
		echo "ALERT: $mount at ${usage}%"
	else
		echo "ok: $mount at ${usage}%"
	fi
}
printf '/ 45%%\n/var 93%%\n' | while read -r mount pct; do
	report "${pct%\%}" "$mount"
done
