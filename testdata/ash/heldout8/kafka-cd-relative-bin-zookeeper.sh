# Stand-in: the Kafka distribution's topic tool prints what it would do.
mkdir -p opt/kafka/bin
cat > opt/kafka/bin/kafka-topics.sh <<'EOF'
#!/bin/sh
case "$*" in
*--list*) printf '%s\n' failure shadow_topic success test ;;
*) for a in "$@"; do [ "$prev" = --topic ] && echo "Created topic $a."; prev=$a; done ;;
esac
EOF
chmod +x opt/kafka/bin/kafka-topics.sh

cd opt/kafka/bin/
echo "creating topics"
./kafka-topics.sh --zookeeper zookeeper:2181 --create --replication-factor 1 --partitions 1 --topic test
./kafka-topics.sh --zookeeper zookeeper:2181 --create --replication-factor 1 --partitions 1 --topic success
./kafka-topics.sh --zookeeper zookeeper:2181 --create --replication-factor 1 --partitions 1 --topic failure
./kafka-topics.sh --zookeeper zookeeper:2181 --create --replication-factor 1 --partitions 1 --topic shadow_topic
echo "topics created"
./kafka-topics.sh --zookeeper zookeeper:2181 --list
