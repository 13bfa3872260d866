#!/bin/bash

# Stand-ins: the service manager, interface and wireless tools print what
# they would do; the scan gives a fixed answer.
service() { echo "service $*"; }
ifconfig() { echo "ifconfig $*"; }
iwlist() {
	cat <<'EOF'
wlan0     Scan completed :
          Cell 01 - Address: 00:11:22:33:44:55
                    Channel:6
                    ESSID:"cafe"
                    IE: WPA Version 1
          Cell 02 - Address: 66:77:88:99:AA:BB
                    Channel:11
                    ESSID:"open-lounge"
                    Encryption key:off
EOF
}
stty() { :; }
wpa_passphrase() { printf 'network={\n\tssid="%s"\n\tpsk=%s\n}\n' "$1" "$(printf '%s' "$2" | wc -c)"; }
wpa_supplicant() { echo "wpa_supplicant $1 $2 $3 $4 $5 $6"; }
dhclient() { echo "dhclient $*"; }

connect() {
service network-manager stop

ifconfig wlan0 up || exit 1

echo "Scanning available networks:"
pattern='(Cell [0-9]+ - Address:)|(ESSID:)|(Encryption key|IE: WPA)'
iwlist wlan0 scan | grep --color=never -E "$pattern"

echo -n "Enter ESSID: "
read
essid="$REPLY"

echo -n "Enter password: "
stty -echo
read
password="$REPLY"
stty echo

echo
echo "Connecting to '$essid'"

config_file="`tempfile`"

wpa_passphrase "$essid" "$password" >"$config_file"

password=""
essid=""

wpa_supplicant -B -D nl80211 -i wlan0 -c "$config_file"

error=$?
rm "$config_file"

[ $error -eq 0 ] || exit 2

echo "Obtaining IP address"

dhclient wlan0 || exit 3
}

connect <<'EOF'
cafe
latte-art
EOF
