#!/bin/bash

# needs pamixer (a stand-in here keeps the level and the mute in files)
echo 40 > level; echo true > muted
pamixer() {
  case "$1" in
    -u) echo false > muted; echo "unmuted" ;;
    -t) if [ "$(cat muted)" = true ]; then echo false > muted; else echo true > muted; fi ;;
    -i) echo $(( $(cat level) + $2 )) > level; echo "level $(cat level)" ;;
    -d) echo $(( $(cat level) - $2 )) > level; echo "level $(cat level)" ;;
  esac
}

for key in --up --up --down --toggle; do
set -- "$key"
case $1 in
--up)
  pamixer -u >/dev/null
  pamixer -i 5 >/dev/null
  ;;
--down)
  pamixer -u >/dev/null
  pamixer -d 5 >/dev/null
  ;;
--toggle)
  pamixer -t >/dev/null
  ;;
esac
done
echo "level $(cat level), muted $(cat muted)"
