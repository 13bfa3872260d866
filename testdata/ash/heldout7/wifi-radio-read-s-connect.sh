#!/bin/bash

# Stand-in for NetworkManager's command line.
nmcli() { echo "nmcli $*"; }

join() {
nmcli radio wifi on
nmcli dev status
nmcli dev wifi list

read -p "Enter wi-Fi SSID: " SSID
read -s -p "Enter password: " PASSWD
echo

nmcli dev wifi connect "$SSID" password "$PASSWD"
}

join <<'EOF'
Lab Guest
hunter2 two
EOF
