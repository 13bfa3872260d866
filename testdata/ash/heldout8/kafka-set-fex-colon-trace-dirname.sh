#!/bin/bash
# Creates Kafka topics

# Stand-ins: the kafka-topics command, and the config file next to the
# script (its directory is a fixed relative path).
mkdir -p bin jobs
cat > bin/kafka-topics <<'EOF'
#!/bin/sh
echo "kafka-topics $*"
EOF
chmod +x bin/kafka-topics
PATH="$PWD/bin:$PATH"
cat > jobs/config.sh <<'EOF'
ZOOKEEPER_QUORUM=zk1:2181,zk2:2181/kafka
TOPICS="clicks views *.dead"
EOF
self=jobs/create-topics.sh

set -fex

. $(dirname $self)/config.sh

for TOPIC in $TOPICS
do
  : "Create topic $TOPIC"
  kafka-topics --create --zookeeper $ZOOKEEPER_QUORUM \
    --replication-factor 3 \
    --partitions 24 --topic $TOPIC
done
