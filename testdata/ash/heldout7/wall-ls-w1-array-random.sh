# Autostart of a desktop session: a random wallpaper.
# Stand-in: feh says whether the picture it was given exists (the pick is random).
HOME=home
mkdir -p home/src/dotconfig-files/wallpapers
for w in dunes.jpg forest.jpg harbour.png; do echo "$w" > home/src/dotconfig-files/wallpapers/$w; done
feh() { if [ -f "$2" ]; then echo "feh $1: a wallpaper from the folder"; else echo "feh $1: no such file: $2"; fi; }

WALLPAPERS="$HOME/src/dotconfig-files/wallpapers"
ALIST=( `ls -w1 $WALLPAPERS` )
RANGE=${#ALIST[*]}
SHOW=$(( $RANDOM % $RANGE ))

feh --bg-scale $WALLPAPERS/${ALIST[$SHOW]}
