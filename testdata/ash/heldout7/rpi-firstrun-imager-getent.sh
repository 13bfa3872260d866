#!/bin/bash

# The first-run script an imaging tool leaves on the boot partition:
# hostname, ssh, the first user, wifi, keyboard and time zone, then it
# removes itself. Paths are below the working directory.
mkdir -p etc/ssh boot var/lib/systemd/rfkill etc/wpa_supplicant etc/default
echo "raspberrypi" > etc/hostname
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > etc/hosts
printf 'root:x:0:0:root:/root:/bin/bash\npi:x:1000:1000:,,,:/home/pi:/bin/bash\n' > etc/passwd
echo "console=serial0,115200 root=PARTUUID=abc rootwait quiet systemd.run=/boot/firstrun.sh systemd.run_success_action=reboot" > boot/cmdline.txt
echo "firstrun" > boot/firstrun.sh
: > var/lib/systemd/rfkill/platform-3f300000.mmcnr:wlan
: > var/lib/systemd/rfkill/platform-fe300000.mmcnr:wlan
getent() { awk -F: -v id="$2" '$3 == id' etc/passwd; }
systemctl() { echo "systemctl $*"; }
chpasswd() { read -r line; echo "chpasswd $* for ${line%%:*}"; }
usermod() { echo "usermod $*"; }
rfkill() { echo "rfkill $*"; }
mkdir -p bin
cat > bin/dpkg-reconfigure <<'EOF'
#!/bin/sh
echo "dpkg-reconfigure $*"
EOF
chmod +x bin/dpkg-reconfigure
PATH="$PWD/bin:$PATH"

set +e

CURRENT_HOSTNAME=`cat etc/hostname | tr -d " \t\n\r"`
if [ -f usr/lib/raspberrypi-sys-mods/imager_custom ]; then
   usr/lib/raspberrypi-sys-mods/imager_custom set_hostname weather-station
else
   echo weather-station >etc/hostname
   sed -i "s/127.0.1.1.*$CURRENT_HOSTNAME/127.0.1.1\tweather-station/g" etc/hosts
fi
FIRSTUSER=`getent passwd 1000 | cut -d: -f1`
FIRSTUSERHOME=`getent passwd 1000 | cut -d: -f6`
if [ -f usr/lib/raspberrypi-sys-mods/imager_custom ]; then
   usr/lib/raspberrypi-sys-mods/imager_custom enable_ssh
else
   systemctl enable ssh
fi
if [ -f usr/lib/userconf-pi/userconf ]; then
   usr/lib/userconf-pi/userconf 'observer' '$5$salt$hash'
else
   echo "$FIRSTUSER:"'$5$salt$hash' | chpasswd -e
   if [ "$FIRSTUSER" != "observer" ]; then
      usermod -l "observer" "$FIRSTUSER"
      usermod -m -d "/home/observer" "observer"
      groupmod() { echo "groupmod $*"; }
      groupmod -n "observer" "$FIRSTUSER"
      echo "home was $FIRSTUSERHOME"
   fi
fi
cat >etc/wpa_supplicant/wpa_supplicant.conf <<'WPAEOF'
country=DE
ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
ap_scan=1

update_config=1
network={
	ssid="garden"
	psk=0123456789abcdef
}

WPAEOF
chmod 600 etc/wpa_supplicant/wpa_supplicant.conf
rfkill unblock wifi
for filename in var/lib/systemd/rfkill/*:wlan ; do
  echo 0 > $filename
done
rm -f etc/localtime
echo "Europe/Berlin" >etc/timezone
dpkg-reconfigure -f noninteractive tzdata
cat >etc/default/keyboard <<'KBEOF'
XKBMODEL="pc105"
XKBLAYOUT="de"
XKBVARIANT=""
XKBOPTIONS=""

KBEOF
dpkg-reconfigure -f noninteractive keyboard-configuration
rm -f boot/firstrun.sh
sed -i 's| systemd.run.*||g' boot/cmdline.txt
cat etc/hostname etc/hosts boot/cmdline.txt
cat var/lib/systemd/rfkill/*
ls boot
exit 0
