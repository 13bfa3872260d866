# Stand-ins: wget "downloads" a release tarball built here; systemctl
# prints what it would do; /usr/local/bin and /etc are directories here.
ROOT=$PWD
mkdir -p usr/local/bin etc/systemd/system
wget() {
	f=${1##*/}; d=${f%.tar.gz}
	mkdir -p "$d" && printf '#!/bin/sh\necho node_exporter\n' > "$d/node_exporter" && tar czf "$f" "$d" && rm -r "$d"
	echo "'$f' saved"
}
systemctl() { echo "systemctl $*"; }

wget https://github.com/prometheus/node_exporter/releases/download/v1.3.1/node_exporter-1.3.1.linux-amd64.tar.gz
tar vxf node_exporter-1.3.1.linux-amd64.tar.gz
cd node_exporter-1.3.1.linux-amd64
mv node_exporter $ROOT/usr/local/bin
cat > $ROOT/etc/systemd/system/node_exporter.service << EOF
[Unit]
Description=node_exporter
Documentation=https://prometheus.io/
After=network.target
[Service]
Type=simple
User=prometheus
ExecStart=/usr/local/bin/node_exporter
Restart=on-failure
[Install]
WantedBy=multi-user.target
EOF
systemctl start node_exporter
systemctl enable node_exporter
ls $ROOT/usr/local/bin
