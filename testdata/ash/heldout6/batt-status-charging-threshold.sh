#!/bin/bash
mkdir -p bin
printf '#!/bin/sh\necho "notify-send $*"\n' > bin/notify-send
chmod +x bin/notify-send
PATH=$PWD/bin:$PATH
mkdir -p sys/class/power_supply/BAT1
echo 9 > sys/class/power_supply/BAT1/capacity
echo Discharging > sys/class/power_supply/BAT1/status
LOW_BATTERY_THRESHOLD=15

BATTERY_LEVEL=$(cat sys/class/power_supply/BAT1/capacity)
BATTERY_STATUS=$(cat sys/class/power_supply/BAT1/status)

if [ "$BATTERY_STATUS" != "Charging" ] && [ "$BATTERY_LEVEL" -le "$LOW_BATTERY_THRESHOLD" ]; then
  notify-send -u critical "Low Battery" "Battery at ${BATTERY_LEVEL}%. Please charge your device."
fi
