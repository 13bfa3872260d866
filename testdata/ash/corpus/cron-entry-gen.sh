#!/bin/sh
# Writes the root crontab that BusyBox crond reads on Alpine.
mkdir -p ./etc/crontabs
cat > ./etc/crontabs/root <<'EOF'
*/15 * * * * run-parts /etc/periodic/15min
0 3 * * * /usr/local/bin/backup.sh
EOF
grep -c backup ./etc/crontabs/root
