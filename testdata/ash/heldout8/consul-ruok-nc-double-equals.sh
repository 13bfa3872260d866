#!/usr/bin/env bash

# Stand-in: nc (not in every base system with these options) answers
# ZooKeeper's four-letter word.
nc() { read -r word; [ "$word" = ruok ] && printf imok; }

ZK_CLIENT_PORT=${ZK_CLIENT_PORT:-2181}
OK=$(echo ruok | nc 127.0.0.1 $ZK_CLIENT_PORT)
if [ "$OK" == "imok" ]; then
    exit 0
else
    exit 1
fi
