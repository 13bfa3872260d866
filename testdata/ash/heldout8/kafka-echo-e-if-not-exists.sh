# Stand-in: kafka-topics.sh on the PATH, with a topic list that grows.
mkdir -p bin
cat > bin/kafka-topics.sh <<'EOF'
#!/bin/sh
case "$*" in
*--list*) cat topics.txt 2>/dev/null ;;
*--create*) grep -qx planet-event topics.txt 2>/dev/null || echo planet-event >> topics.txt ;;
esac
EOF
chmod +x bin/kafka-topics.sh
PATH="$PWD/bin:$PATH"

kafka-topics.sh --bootstrap-server kafka:9092 --list

echo -e 'Creating kafka topics'
kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic planet-event --replication-factor 1 --partitions 1

echo -e 'Successfully created the following topics:'
kafka-topics.sh --bootstrap-server kafka:9092 --list
