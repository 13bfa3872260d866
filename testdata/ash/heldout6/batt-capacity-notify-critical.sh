#!/bin/sh
mkdir -p bin
printf '#!/bin/sh\necho "notify-send $*"\n' > bin/notify-send
chmod +x bin/notify-send
PATH=$PWD/bin:$PATH
mkdir -p sys/class/power_supply/BAT0
echo 17 > sys/class/power_supply/BAT0/capacity

level=$(cat sys/class/power_supply/BAT0/capacity)
if [ $level -le 20 ]; then
	notify-send -u critical -t 0 "Battery Low" "$level%"
fi
