# Stand-ins: wget "downloads" a release tarball built here; useradd, sudo
# and systemctl print what they would do (sudo runs tee); /home, /usr/bin
# and /etc are directories here.
ROOT=$PWD
mkdir -p home/prometheus usr/bin etc/systemd/system
wget() {
	f=${1##*/}; d=${f%.tar.gz}
	mkdir -p "$d" && printf '#!/bin/sh\necho node_exporter\n' > "$d/node_exporter" && tar czf "$f" "$d" && rm -r "$d"
	echo "'$f' saved"
}
useradd() { echo "useradd $*"; }
sudo() { "$@"; }
systemctl() { echo "systemctl $*"; }

useradd prometheus -d home/prometheus
cd home/prometheus
wget https://github.com/prometheus/node_exporter/releases/download/v1.3.1/node_exporter-1.3.1.linux-amd64.tar.gz
tar xvfz node_exporter-1.3.1.linux-amd64.tar.gz
mv node_exporter-1.3.1.linux-amd64 node_exporter
cd node_exporter
chown prometheus:prometheus node_exporter
mv node_exporter $ROOT/usr/bin/node_exporter

cat << EOF | sudo tee $ROOT/etc/systemd/system/node_exporter.service
[Unit]
Description=Node Exporter

[Service]
User=prometheus
ExecStart=/usr/bin/node_exporter

[Install]
WantedBy=multi-user.target
EOF

systemctl daemon-reload
systemctl enable node_exporter.service
systemctl start node_exporter.service
systemctl status node_exporter.service
