# Stand-ins: curl "downloads" a release tarball built here and writes it
# to its output; systemctl prints what it would do; /tmp, /usr/bin and
# /etc are directories here; run_or_die comes from the source's library.
ROOT=$PWD
mkdir -p tmp usr/bin etc/systemd/system
curl() {
	for a in "$@"; do u=$a; done
	f=${u##*/}; d=${f%.tar.gz}
	( cd "$ROOT" && mkdir -p "build/$d" && printf '#!/bin/sh\necho node_exporter\n' > "build/$d/node_exporter" && tar czf - -C build "$d" )
}
systemctl() { echo "systemctl $*"; }
run_or_die() { "$@" || { echo "failed: $*" >&2; exit 1; }; }

setup_node_exporter() {
    local version=1.1.2
    cd tmp
    curl -L --silent https://github.com/prometheus/node_exporter/releases/download/v${version}/node_exporter-${version}.linux-amd64.tar.gz | tar -xvz
    mv $ROOT/tmp/node_exporter-${version}.linux-amd64/node_exporter $ROOT/usr/bin/node_exporter

    cat >$ROOT/etc/systemd/system/node_exporter.service <<EOF
[Unit]
Description=Prometheus Node Exporter
After=network.target

[Service]
Restart=always
RestartSec=1
ExecStart=/usr/bin/node_exporter

[Install]
WantedBy=multi-user.target
EOF

    systemctl enable node_exporter
    systemctl daemon-reload
    systemctl start node_exporter
}

run_or_die setup_node_exporter
ls $ROOT/usr/bin
