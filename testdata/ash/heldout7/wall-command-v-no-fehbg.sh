#!/usr/bin/env bash

# Stand-in: feh prints what it would set.
HOME=$PWD/h
feh() { echo "feh $1 $2 ${3##*/} $4 ${5##*/}"; }

if command -v feh &>/dev/null; then
  feh --no-fehbg \
    --bg-fill ~/.config/wallpapers/bg2.jpg \
    --bg-fill ~/.config/wallpapers/bg.jpg
fi
