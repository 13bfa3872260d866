#!/bin/sh

# Usage:
#   create_topics.sh <file>
#
# Environment variables:
#   KAFKA_URL                - (required) The server to send the requests to
#   KAFKA_TOPIC_PREFIX       - (optional) A prefix that will be prepended to every created topic
#   KAFKA_TOPIC_PARTITIONS   - (optional) The number of partitions to use
#   KAFKA_REPLICATION_FACTOR - (optional) The replication factor to use
#
# This script will create a topic for every line in the input file (if it does not already exist)

# Stand-in: kafka-topics.sh knows one existing topic.
mkdir -p bin
cat > bin/kafka-topics.sh <<'EOF'
#!/bin/sh
case "$*" in
*--list*) echo dev.payments ;;
*) echo "kafka-topics.sh $*" ;;
esac
EOF
chmod +x bin/kafka-topics.sh
PATH="$PWD/bin:$PATH"
printf 'payments\n\nrefunds\n# comment\nledger' > topics.txt
export KAFKA_URL=kafka:9092 KAFKA_TOPIC_PREFIX=dev.
set -- topics.txt

# Check for file argument
if [ -z "$1" ]; then
    echo "Usage: ./create_topics.sh <topics-file>" && exit 1
fi

# Check for KAFKA_URL environment variable (required)
if [ -z "${KAFKA_URL}" ]; then
    echo "KAFKA_URL must be set" && exit 1
fi

PARTITIONS=${KAFKA_TOPIC_PARTITIONS:-1}
REPLICATION=${KAFKA_REPLICATION_FACTOR:-1}
EXISTING=$(kafka-topics.sh --bootstrap-server "$KAFKA_URL" --list)

while read -r line || [ -n "$line" ]; do
    case "$line" in
        ''|\#*) continue ;;
    esac
    topic="${KAFKA_TOPIC_PREFIX}${line}"
    if echo "$EXISTING" | grep -qx "$topic"; then
        echo "Topic $topic already exists"
        continue
    fi
    kafka-topics.sh --bootstrap-server "$KAFKA_URL" --create --topic "$topic" \
        --partitions "$PARTITIONS" --replication-factor "$REPLICATION"
done < "$1"
