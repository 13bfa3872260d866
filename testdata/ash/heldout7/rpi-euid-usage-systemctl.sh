# Configure a lab board: packages, ssh, hostname. Needs root and one argument.
mkdir -p etc
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > etc/hosts
mkdir -p bin
cat > bin/apt-get <<'EOF'
#!/bin/sh
echo "apt-get $*"
EOF
chmod +x bin/apt-get
PATH="$PWD/bin:$PATH"
systemctl() { echo "systemctl $*"; }
set -- lab-pi-07

if [ "$EUID" -ne 0 ]; then
    echo "Ussage: sudo config.sh <hostname>"
    exit 1
fi

if [ "$#" -ne 1 ]; then
    echo "Usage: sudo config.sh <hostname>"
    exit 1
fi

echo 'Updating  apt-get'
apt-get update
apt-get upgrade -y
echo 'Enabling ssh'
systemctl enable ssh
echo 'Setting hostname'
echo $1 > etc/hostname
sed -i "s/raspberrypi/$1/" etc/hosts
cat etc/hostname etc/hosts
