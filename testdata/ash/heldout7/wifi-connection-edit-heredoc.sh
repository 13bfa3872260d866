#!/bin/bash

# Stand-in: nmcli prints what it would do and reads an editing session.
nmcli() {
	echo "nmcli $*"
	if [ "$2" = edit ]; then
		while read -r line; do echo "  nmcli> $line"; done
	fi
}
set -- FieldStation "pass word 42"

SSID=$1
PSWD=$2

echo "Connecting to $1 with password $2"
sleep 0.1


nmcli connection add ifname wlan0 type wifi ssid $1

nmcli connection edit wifi-wlan0 <<EOF
goto wifi
set mode infrastructure
back
goto wifi-sec
set key-mgmt wpa-psk
set psk $2
save
quit
EOF

exit
