#!/bin/bash
# Runs a command again and again; here it stops after two rounds.
set -- 'echo "queue depth: $(wc -l < queue.txt)"' 0.1
printf 'a\nb\nc\n' > queue.txt

if [ "$#" -eq 0 ]; then
    echo "Need a command"
    exit 1
fi

sleep_duration=5
if [ "$#" -eq 2 ]; then
    sleep_duration=$2
fi

shopt -s expand_aliases

echo -e '\nRunning command "'$1'" every "'$2'" seconds\n'
rounds=0
while [ 1 ]; do
    eval "$1"
    sleep $sleep_duration
    rounds=$((rounds + 1)); [ $rounds -ge 2 ] && break
done
