#!/bin/bash
# Volume control script

# Stand-in for pamixer.
pamixer() { echo "pamixer $*"; }

for action in up down mute; do
set -- "$action"
if [ "$1" == "up" ]; then
    pamixer -i 5
elif [ "$1" == "down" ]; then
    pamixer -d 5
elif [ "$1" == "mute" ]; then
    pamixer -t
fi
done
