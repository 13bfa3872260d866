#!/usr/bin/bash

# Stand-ins: pacmd reports a fixed server state; pactl prints what it would do.
pacmd() {
  cat <<'EOF'
Memory blocks currently allocated: 1, size: 63.9 KiB.
Default sample spec: s16le 2ch 44100Hz
Default sink name: alsa_output.pci-0000_00_1f.3.analog-stereo
Default source name: alsa_input.pci-0000_00_1f.3.analog-stereo
EOF
}
pactl() { echo "pactl $*"; }

default="$(pacmd stat|grep "Default sink name"|sed 's/Default sink name: //')"

for key in up down mute; do
set -- "$key"
case ${1} in
    up)
        pactl set-sink-volume "${default}" +5%
        ;;
    down)
        pactl set-sink-volume "${default}" -5%
        ;;
    mute)
        pactl set-sink-mute "${default}" toggle
        ;;
esac
done
