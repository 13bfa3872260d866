#!/bin/bash

# Stand-in for pamixer: the level and the mute live in files.
echo 30 > level; echo true > muted
pamixer() {
  case "$1" in
    --get-mute) cat muted; [ "$(cat muted)" = true ] ;;
    --get-volume) cat level ;;
    -u) echo false > muted ;;
    -t) if [ "$(cat muted)" = true ]; then echo false > muted; else echo true > muted; fi ;;
    -i) echo $(( $(cat level) + $2 )) > level ;;
    -d) echo $(( $(cat level) - $2 )) > level ;;
  esac
}
set -- up

vol_change=${2:-5}
case "$1" in
  "up")
    if pamixer --get-mute > /dev/null; then
      pamixer -u
    else
      pamixer -i "$vol_change"
    fi
    ;;
  "down")
    if pamixer --get-mute > /dev/null; then
      pamixer -u
    else
      pamixer -d "$vol_change"
    fi
    ;;
  "mute")
    pamixer -t > /dev/null
    ;;
  *)
    ;;
esac
if pamixer --get-mute > /dev/null; then
  echo "x"
else
  pamixer --get-volume
fi
