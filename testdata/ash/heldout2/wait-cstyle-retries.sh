#!/bin/bash
calls=0
curl() { calls=$((calls + 1)); [ $calls -ge 2 ] && echo '{"ok":true}'; return 0; }
retries=4
delay=0
url="http://localhost"
for ((i=1; i<=retries; i++)); do
    response=$(curl -s "$url")
    if [[ ! -z "$response" ]]; then
        echo "Service on $url is up and running!"
        exit 0
    else
        echo "Service not ready. Attempt $i of $retries."
        sleep "$delay"
    fi
done
echo "Failed to connect to services after $retries attempts."
exit 1
