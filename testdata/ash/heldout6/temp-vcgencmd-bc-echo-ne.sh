#!/usr/bin/env bash
# Print the CPU temperature every second
clear() { :; }
# two readings, counted in a file (the command runs in a subshell), then stop
vcgencmd() {
	n=$(cat readings 2>/dev/null || echo 0); n=$((n + 1)); echo $n > readings
	[ $n -ge 2 ] && : > stop
	[ $n -eq 1 ] && echo "temp=72.8'C" || echo "temp=47.8'C"
}

THRESHOLD=70

clear
echo "Watching the CPU temperature..."

while [ ! -e stop ]; do
    # temp=47.8'C: the number before the apostrophe
    raw=$(vcgencmd measure_temp)
    temp=$(echo "$raw" | grep -oP '[0-9.]+')

    if (( $(echo "$temp > $THRESHOLD" | bc -l) )); then
        # Red
        echo -ne "\r\033[31m$raw\033[0m"
    else
        # Normal
        echo -ne "\r$raw"
    fi

    sleep 1
done
echo
