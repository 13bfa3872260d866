#!/bin/bash
# Switches to one of the wallpapers already downloaded.
# Stand-in: feh says whether the picture it was given exists (the pick is random).
USER=viewer
mkdir -p home/$USER/Wallpapers
for w in a.jpg b.jpg c.jpg; do echo "$w" > home/$USER/Wallpapers/$w; done
feh() { if [ -f "$2" ]; then echo "feh $1: a wallpaper"; else echo "feh $1: missing $2"; fi; }
cd home/$USER/Wallpapers/

wallpaper=$(ls | shuf -n1)
cp $wallpaper ../current.jpg
feh --bg-fill "$wallpaper"
cmp -s ../current.jpg "$wallpaper" && echo "copy matches"
