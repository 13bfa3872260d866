#!/bin/sh
# Stand-in: the topic tool of an unpacked Kafka release.
mkdir -p bin/kafka_2.13-3.4.0/bin
cat > bin/kafka_2.13-3.4.0/bin/kafka-topics.sh <<'EOF'
#!/bin/sh
case "$1" in
--list) echo "__consumer_offsets" ;;
--create) echo "Created topic $3." ;;
esac
EOF
chmod +x bin/kafka_2.13-3.4.0/bin/kafka-topics.sh
set -- orders

# List all topics
./bin/kafka_2.13-3.4.0/bin/kafka-topics.sh --list --bootstrap-server localhost:9092

# Create a topic
./bin/kafka_2.13-3.4.0/bin/kafka-topics.sh --create --topic "$1" --bootstrap-server localhost:9092
