#!/usr/bin/env bash
# Sets static IP
mkdir -p etc/network
printf 'iface wlan0 inet dhcp\n' > etc/network/interfaces
route() {
	echo "Kernel IP routing table"
	echo "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface"
	echo "0.0.0.0         192.168.0.1     0.0.0.0         UG    600    0        0 wlan0"
}
ifconfig() {
	echo "$1      Link encap:Ethernet  HWaddr b8:27:eb:00:00:01"
	echo "          inet addr:192.168.0.23  Bcast:192.168.0.255  Mask:255.255.255.0"
}
set -- apply

if [ "$1" == "reset" ] ; then
    mv etc/network/interfaces.reset etc/network/interfaces
    echo "Reset Successfully"
else
    # Get gateway
    gateway=`route -n | grep 'UG[ \t]' | awk '{print $2}'`
    # Get interface (wlan0, eth0, etc.)
    iface=`route -n | grep 'UG[ \t]' | awk '{print $8}'`
    # Get address, broadcast, and netmask
    iln=`ifconfig $iface | grep inet\ addr`

    for i in $iln ; do
        if [ "${i:0:5}" == "addr:" ] ; then
            iaddr=${i:5}
        elif [ "${i:0:6}" == "Bcast:" ] ; then
            bcast=${i:6}
        elif [ "${i:0:5}" == "Mask:" ] ; then
            mask=${i:5}
        fi
    done

    # Get network
    network=${iaddr%.*}.0
    cp etc/network/interfaces etc/network/interfaces.reset
    cat > etc/network/interfaces <<END
auto $iface
iface $iface inet static
    address $iaddr
    netmask $mask
    broadcast $bcast
    network $network
    gateway $gateway
END
    cat etc/network/interfaces
fi
