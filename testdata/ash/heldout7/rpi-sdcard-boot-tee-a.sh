#!/usr/bin/env bash

# Prepare a freshly written card, mounted under media/, before its first boot.
USER=builder
mkdir -p media/$USER/boot media/$USER/rootfs/etc/wpa_supplicant
echo "raspberrypi" > media/$USER/rootfs/etc/hostname
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > media/$USER/rootfs/etc/hosts
echo "country=GB" > media/$USER/rootfs/etc/wpa_supplicant/wpa_supplicant.conf
echo "dtparam=audio=on" > media/$USER/boot/config.txt
sudo() { "$@"; }

main() {
MEDIA=media/$USER
BOOT=$MEDIA/boot
ROOTFS=$MEDIA/rootfs

sudo touch $BOOT/ssh

# camera
echo "start_x=1" | sudo tee -a $BOOT/config.txt
echo "gpu_mem=128" | sudo tee -a $BOOT/config.txt

# i2c
echo "i2c-dev" | sudo tee -a $ROOTFS/etc/modules

# hostname
hostn=$(cat $ROOTFS/etc/hostname)
echo "Existing hostname is $hostn"
echo "Enter new hostname: "
read newhost

# in /etc/hosts and /etc/hostname
sudo sed -i "s/$hostn/$newhost/g" $ROOTFS/etc/hosts
sudo sed -i "s/$hostn/$newhost/g" $ROOTFS/etc/hostname
echo "Your new hostname is $newhost"

# default wifi configuration
sudo truncate -s 0 $ROOTFS/etc/wpa_supplicant/wpa_supplicant.conf
sudo tee -a $ROOTFS/etc/wpa_supplicant/wpa_supplicant.conf > /dev/null <<WPA
ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
update_config=1
country=GB

network={
	ssid="workshop"
	psk="change-me"
}
WPA
ls $BOOT
cat $ROOTFS/etc/hosts $ROOTFS/etc/modules $ROOTFS/etc/wpa_supplicant/wpa_supplicant.conf
}

main <<'EOF'
camera-pi
EOF
