#!/bin/bash

	# --health-cmd '/bin/bash -c "[ \"` curl -o /dev/null -s -w \"%{http_code}\n\" http://localhost:8778/jolokia/ `\" == \"200\" ]"' \

# Stand-ins: curl answers 200; the ZooKeeper shell of the Kafka install
# prints a version.
mkdir -p bin kafka/bin
cat > bin/curl <<'EOF'
#!/bin/sh
printf '200\n'
EOF
cat > kafka/bin/zookeeper-shell.sh <<'EOF'
#!/bin/sh
cat >/dev/null; echo "3.8.4"
EOF
chmod +x bin/curl kafka/bin/zookeeper-shell.sh
PATH="$PWD/bin:$PATH"
KAFKA_HOME=kafka

function zookeeper-get-version {
    "${KAFKA_HOME}/bin/zookeeper-shell.sh" localhost:2181 << "EOF"
version
quit
EOF
}

function zookeeper-check-jolokia {
    [ "$( curl -o /dev/null -s -w "%{http_code}\n" http://kafka:8778/jolokia/ )" == "200" ]
}

# not sure yet that this is the right check for health
zookeeper-check-jolokia
