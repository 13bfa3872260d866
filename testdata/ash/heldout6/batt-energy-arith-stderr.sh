#!/bin/sh
mkdir -p bin
printf '#!/bin/sh\necho "notify-send $*"\n' > bin/notify-send
chmod +x bin/notify-send
PATH=$PWD/bin:$PATH
mkdir -p sys/class/power_supply/BAT0
echo 48320000 > sys/class/power_supply/BAT0/energy_full
echo 6040000 > sys/class/power_supply/BAT0/energy_now

BAT_PATH=sys/class/power_supply/BAT0
BAT_FULL=$BAT_PATH/energy_full
BAT_NOW=$BAT_PATH/energy_now

bf=$(cat $BAT_FULL)
bn=$(cat $BAT_NOW)
bl=$(( 100 * bn / bf ))

echo >&2 "battery level: ${bl}"

if [ $bl -lt 15 ]; then
    notify-send -u critical "Battery level is low!" "Battery level is: ${bl}"
fi
