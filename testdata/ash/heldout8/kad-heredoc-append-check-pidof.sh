# Stand-ins: sudo runs the command; systemctl prints what it would do;
# /etc/keepalived is a directory here.
sudo() { "$@"; }
systemctl() { echo "systemctl $*"; }
mkdir -p etc/keepalived

cat <<EOF >> etc/keepalived/haproxy_check.sh
#!/bin/bash

if pidof haproxy > /dev/null; then
        exit 0
    else
        exit 1
fi
EOF

sudo chmod +x etc/keepalived/haproxy_check.sh

sudo systemctl restart keepalived

sudo systemctl status keepalived
ls -l etc/keepalived/haproxy_check.sh | cut -c1-10
cat etc/keepalived/haproxy_check.sh
