#!/bin/bash

# The site's shared configuration defines the steps every mirror runs;
# rsync is a stand-in that prints what it would fetch.
mkdir -p etc mirrors log
cat > etc/mirror-sync.conf <<'EOF'
MIRROR_ROOT=mirrors
LOG_DIR=log
RSYNC_OPTS="-rtlH --delete-after --delay-updates --safe-links"
rsync() { echo "rsync $*"; }
loadscripts() { LOCK="$LOG_DIR/$MODULE.lock"; LOG="$LOG_DIR/$MODULE.log"; }
check4run() {
    if [ -e "$LOCK" ]; then echo "$MODULE: already running"; exit 1; fi
    echo $$ > "$LOCK"
    trap 'rm -f "$LOCK"' EXIT
}
check4available() { echo "$MODULE: $HOST is reachable" >> "$LOG"; }
simple_sync() {
    mkdir -p "$MIRROR_ROOT/$REL_LOCAL_PATH"
    rsync $RSYNC_OPTS "$HOST::$MODULE/" "$MIRROR_ROOT/$REL_LOCAL_PATH" >> "$LOG"
}
setstamp() { echo "2024-05-06T00:00:00Z" > "$MIRROR_ROOT/$REL_LOCAL_PATH/.timestamp"; }
compresslog() { gzip -f "$LOG"; }
EOF

if [ -f etc/mirror-sync.conf ]; then
    . etc/mirror-sync.conf
else
    echo "Configuration file does not exist. Abort"
    exit 112
fi

REL_LOCAL_PATH="mirrors/deepin/packages/"
HOST="ftp.example.nl"
MODULE="deepin"

loadscripts
check4run
check4available
simple_sync
setstamp
compresslog
zcat log/deepin.log.gz
ls -A mirrors/mirrors/deepin/packages/
