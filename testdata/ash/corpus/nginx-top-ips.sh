#!/bin/bash
# Top client addresses of an access log.
LOG=./access.log
cat > $LOG <<'EOF'
10.0.0.1 - - [02/Jan/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 612
10.0.0.2 - - [02/Jan/2024:10:00:01 +0000] "GET /a HTTP/1.1" 404 0
10.0.0.1 - - [02/Jan/2024:10:00:02 +0000] "GET /b HTTP/1.1" 200 12
EOF
declare -A hits
while read -r ip _; do
	hits[$ip]=$(( ${hits[$ip]:-0} + 1 ))
done < $LOG
for ip in "${!hits[@]}"; do
	echo "$ip ${hits[$ip]}"
done | sort -k2 -rn
