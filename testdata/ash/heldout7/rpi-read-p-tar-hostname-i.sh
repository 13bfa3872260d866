# First boot, base setup: log in as the default user and run this as root.
# What a person types comes from the here-document at the end.
mkdir -p boot etc/ssh src/local/src/shell home
echo "script" > src/local/src/shell/readme.txt
tar -czf boot/local.tgz -C src local
echo "echo base" > boot/rpi_setup_base.sh
echo "echo extra" > boot/rpi_setup_extra.sh
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > etc/hosts
printf '#PermitRootLogin prohibit-password\nPasswordAuthentication yes\n' > etc/ssh/sshd_config
passwd() { echo "passwd $*"; }
useradd() { echo "useradd $*"; for u; do :; done; mkdir -p "home/$u"; }
chown() { echo "chown $*"; }
hostname() { [ "$1" = -I ] && echo "192.168.1.40 fd00::40 "; }
reboot() { echo "reboot"; }

setup() {
# users and passwords
echo "set password for root"
passwd root
# A user with a home directory, bash as shell and sudo access
echo "Create user"
read -p "Full Name: " fname
read -p "User Name: " usrname
useradd -m -s /bin/bash -G sudo -c "$fname" $usrname
# the new user's password
passwd $usrname
# local folders for the new user
echo "Creating local folders for $usrname"
tar -xvzf boot/local.tgz -C home/$usrname/
# the build scripts go to the local folder, owned by the new user
cp boot/rpi_setup*.sh home/$usrname/local/src/shell
chown -R $usrname.$usrname home/$usrname/local/

# Networking
read -p "Networking - Hostname for RPi: " piname
echo $piname > etc/hostname
sed -i "s/raspberrypi/$piname.local $piname/g" etc/hosts
echo "127.0.0.1   $piname.local $piname" >> etc/hosts
localip=$(hostname -I | awk '{print $1}')
echo "$localip   $piname.local $piname" >> etc/hosts
echo "# MPI Nodes\n" >> etc/hosts

# No root login over ssh
sed -i 's/#PermitRootLogin\ prohibit-password/PermitRootLogin\ no/g' etc/ssh/sshd_config

read -p "Finished base setup, press enter to reboot, then login as $usrname" input
echo
cat etc/hosts etc/ssh/sshd_config
ls home/$usrname/local/src/shell
reboot
}

setup <<'EOF'
Ada Lovelace
ada
node1
 
EOF
