#! /bin/bash

# Stand-in for NetworkManager's command line.
nmcli() { echo "nmcli $*"; }

# Turn the machine's wifi on
nmcli d wifi on >> /dev/null

# List the access points
nmcli d wifi list

# Connect to the network
nmcli d wifi connect <nome-da-rede> password <password>

exit 0
