#!/bin/bash
NAME=worker
DAEMON_OPTS="--threads=2"
test -e ./default-$NAME && source ./default-$NAME
echo 'DAEMON_OPTS="$DAEMON_OPTS --verbose"' > ./default-$NAME
source ./default-$NAME
echo "opts: $DAEMON_OPTS"
