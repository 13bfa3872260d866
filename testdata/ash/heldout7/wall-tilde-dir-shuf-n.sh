#!/usr/bin/env bash

# Stand-in: feh says whether the picture it was given exists (the pick is random).
HOME=$PWD/h
mkdir -p h/.wallpapers
for w in 1.png 2.png 3.png 4.png; do echo "$w" > h/.wallpapers/$w; done
feh() { if [ -f "$2" ]; then echo "feh $1: a wallpaper"; else echo "feh $1: missing"; fi; }

wallpaper=$(ls ~/.wallpapers/ | shuf -n 1)

feh --bg-fill ~/.wallpapers/$wallpaper
