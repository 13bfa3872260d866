#!/bin/bash
mkdir -p bin
printf '#!/bin/sh\necho "notify-send $*"\n' > bin/notify-send
chmod +x bin/notify-send
PATH=$PWD/bin:$PATH
mkdir -p sys/class/power_supply/BAT1
checks=0
while true; do
  checks=$((checks + 1))
  case $checks in 1) echo 40 ;; 2) echo 12 ;; *) break ;; esac > sys/class/power_supply/BAT1/capacity
  bat_lvl=$(cat sys/class/power_supply/BAT1/capacity)
  if [ "$bat_lvl" -le 15 ]; then
    notify-send --urgency=CRITICAL -t 5000 "Battery Low" "Level: ${bat_lvl}%"
    sleep 1
  else
    sleep 1
  fi
done
echo "checked $((checks - 1)) times"
