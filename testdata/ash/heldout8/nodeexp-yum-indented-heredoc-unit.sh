#!/bin/bash
#
# SCRIPT: install-prometheus-node-exporter.sh
#
# Stand-ins: yum and systemctl print what they would do; wget "downloads"
# a release tarball built here; /usr/local/bin and /etc are directories here.
mkdir -p usr/local/bin etc/systemd/system
yum() { echo "yum $*"; }
systemctl() { echo "systemctl $*"; }
wget() {
	f=${1##*/}; d=${f%.tar.gz}
	mkdir -p "$d" && printf '#!/bin/sh\necho node_exporter\n' > "$d/node_exporter" && tar czf "$f" "$d" && rm -r "$d"
	echo "'$f' saved"
}

  # Install Prometheus node_exporter for basic mem, cpu, disk, network stats
  yum -y install wget
  wget https://github.com/prometheus/node_exporter/releases/download/v1.3.1/node_exporter-1.3.1.linux-amd64.tar.gz
  tar xvf node_exporter-1.3.1.linux-amd64.tar.gz
  cp node_exporter-1.3.1.linux-amd64/node_exporter usr/local/bin/
  rm -rf node_exporter-1.3.1.linux-amd64 node_exporter-1.3.1.linux-amd64.tar.gz

  # Setup systemd service
  cat <<EOF > etc/systemd/system/prometheus-node-exporter.service
  [Unit]
  Description=prometheus-node-exporter
  Documentation=https://github.com/prometheus/node_exporter
  Wants=network-online.target
  After=network-online.target

  [Service]
  Type=simple
  ExecStart=/usr/local/bin/node_exporter --collector.systemd
  Restart=always

  [Install]
  WantedBy=multi-user.target
EOF

  systemctl daemon-reload
  systemctl enable prometheus-node-exporter
  systemctl start prometheus-node-exporter
  sed -n '2p;7p' etc/systemd/system/prometheus-node-exporter.service
  ls usr/local/bin
