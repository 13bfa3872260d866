# Stand-ins: wget "downloads" a release tarball built here; sudo prints
# what it would run; the unit file is a fixture.
wget() {
	f=${1##*/}; d=${f%.tar.gz}
	mkdir -p "$d" && printf '#!/bin/sh\necho node_exporter\n' > "$d/node_exporter" && tar czf "$f" "$d" && rm -r "$d"
	echo "'$f' saved"
}
sudo() { echo "sudo $*"; }
printf '[Unit]\nDescription=Node Exporter\n' > node-exporter.service

wget https://github.com/prometheus/node_exporter/releases/download/v1.9.1/node_exporter-1.9.1.linux-amd64.tar.gz
tar xvfz node_exporter-*.*-amd64.tar.gz
cd node_exporter-*.*-amd64 
sudo cp node_exporter /usr/local/bin/
cd ..
rm -rf node_exporter-*.*-amd64.tar.gz
rm -rf ./node_exporter-*.*-amd64
sudo useradd --no-create-home --shell /bin/false node_exporter
sudo chown node_exporter:node_exporter /usr/local/bin/node_exporter
sudo cp node-exporter.service /etc/systemd/system/node_exporter.service
sudo systemctl daemon-reload
sudo systemctl enable node_exporter
sudo systemctl start node_exporter
sudo systemctl status node_exporter.service
ls
