#!/bin/bash 
# Stand-ins: wget "downloads" a release tarball built here; useradd and
# systemctl print what they would do; /usr/local/bin is a directory here.
mkdir -p usr/local/bin
wget() {
	f=${1##*/}; d=${f%.tar.gz}
	mkdir -p "$d" && printf '#!/bin/sh\necho node_exporter\n' > "$d/node_exporter" && tar czf "$f" "$d" && rm -r "$d"
	echo "'$f' saved"
}
useradd() { echo "useradd $*"; }
systemctl() { echo "systemctl $*"; }

wget https://github.com/prometheus/node_exporter/releases/download/v1.5.0/node_exporter-1.5.0.linux-amd64.tar.gz
tar xzfv node_exporter-1.5.0.linux-amd64.tar.gz
useradd -rs /bin/false nodeusr
mv node_exporter-1.5.0.linux-amd64/node_exporter usr/local/bin/
cat > etc/systemd/system/node_exporter.service <<EOF
[Unit]
Description=Node Exporter
After=network.target
[Service]
User=nodeusr
Group=nodeusr
Type=simple
ExecStart=/usr/local/bin/node_exporter
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
systemctl start node_exporter
systemctl enable node_exporter
