#!/usr/bin/env bash
set -euo pipefail

# Kept running from cron or a timer, this tells the user when the battery
# is low, once per discharge.
#
# $BATTERY may name the device (in sys/class/power_supply/); when it is not
# set, the battery device changed most recently is taken.
mkdir -p bin
printf '#!/bin/sh\necho "notify-send $*"\n' > bin/notify-send
chmod +x bin/notify-send
PATH=$PWD/bin:$PATH
mkdir -p sys/class/power_supply/BAT0 state
echo 4 > sys/class/power_supply/BAT0/capacity
echo Discharging > sys/class/power_supply/BAT0/status

NOTIFY_THRESHOLD="${NOTIFY_THRESHOLD:-5}"
STATE_FILE="${STATE_FILE:-state/battery-notified}"

if [ -z "${BATTERY:-}" ]; then
	BATTERY=$(ls -td sys/class/power_supply/BAT* | head -n 1)
fi

capacity=$(cat "$BATTERY/capacity")
status=$(cat "$BATTERY/status")

if [ "$status" != "Discharging" ]; then
	rm -f "$STATE_FILE"
	exit 0
fi

for pass in 1 2; do
	if [ "$capacity" -le "$NOTIFY_THRESHOLD" ] && [ ! -e "$STATE_FILE" ]; then
		notify-send -u critical "Battery low" "${capacity}% left on ${BATTERY##*/}"
		touch "$STATE_FILE"
	else
		echo "pass $pass: nothing to tell"
	fi
done
