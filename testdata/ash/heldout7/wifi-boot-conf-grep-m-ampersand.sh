#!/bin/bash

# Join the network named in the boot partition's wpa_supplicant.conf.
mkdir -p boot
cat > boot/wpa_supplicant.conf <<'EOF'
ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
update_config=1
network={
	ssid="hangar-net"
	psk="correct horse"
}
network={
	ssid="spare-net"
	psk="battery staple"
}
EOF
nmcli() { echo "nmcli $*"; [ "$2 $3" = "wifi connect" ] && echo "connected to $4" > joined.txt; return 0; }
sudo() { "$@"; }

ssid=$(grep '#ssid' boot/wpa_supplicant.conf | cut -d '"' -f2)
if [ -z "$ssid" ]; then
	ssid=$(grep -m 1 'ssid=' boot/wpa_supplicant.conf |  cut -d '"' -f 2 )
        psk=$(grep -m 1 'psk=' boot/wpa_supplicant.conf | cut -d '"' -f 2 )
else
        psk=$(grep '#psk' boot/wpa_supplicant.conf | cut -d '"' -f 2 )
fi

nmcli dev wifi | grep "$ssid" &> /dev/null

ssid1="$ssid"
psk1="$psk"

sudo nmcli dev wifi connect "$ssid1" password "$psk1" &> /dev/null

wait
cat joined.txt
