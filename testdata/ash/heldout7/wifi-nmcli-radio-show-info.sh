#!/bin/sh

# Stand-in for NetworkManager's command line: fixed answers.
nmcli() {
	case "$1 $2" in
	"r wifi") echo "radio wifi: $3" ;;
	"d ") printf 'DEVICE  TYPE      STATE         CONNECTION\nwlan0   wifi      disconnected  --\neth0    ethernet  connected     Wired 1\nlo      loopback  unmanaged     --\n' ;;
	"d wifi") printf 'IN-USE  SSID      MODE   CHAN  RATE        SIGNAL  BARS  SECURITY\n        cafe      Infra  6     54 Mbit/s   72      ***   WPA2\n        library   Infra  11    130 Mbit/s  41      **    WPA1 WPA2\n' ;;
	esac
}

# Make sure that the wifi radio is on
nmcli r wifi on

# The name of the network interface
nmcli d

# The name of the wifi network interface
nmcli d wifi list

# The following command would connect to <networkName> using <password>
# nmcli d wifi connect <networkName> password <password>
