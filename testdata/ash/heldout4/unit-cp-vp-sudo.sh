#!/usr/bin/env bash

export SERVICE=${1:-sdtds}
# SERVICE=sdtdc_boot
echo $SERVICE
sudo() { "$@"; }
systemctl() { echo "systemctl $*"; }
apt-get() { echo "apt-get $*"; }
mkdir -p etc/systemd/system
printf '[Service]\nExecStart=/bin/true\n' > $SERVICE.service

sudo apt-get install systemd-services -y
sudo cp -vp $SERVICE.service etc/systemd/system/$SERVICE.service
sudo chmod 664 etc/systemd/system/$SERVICE.service

sudo systemctl daemon-reload
sudo systemctl enable $SERVICE
sudo systemctl status $SERVICE

#sudo systemctl restart $SERVICE
exit 0
