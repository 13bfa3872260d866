#!/bin/bash
#
# Resize by size or percent with imagemagick
mkdir -p "media/$USER/local/apps" pics
cat > "media/$USER/local/apps/magick" <<'M'
#!/bin/sh
echo "magick $*"
M
chmod +x "media/$USER/local/apps/magick"
: > "pics/holiday.photo.jpg"
set -- pics/holiday.photo.jpg 50%

if [ $# -eq 2 ]; then
    dname=$(dirname "$1")
    fname=$(basename "$1")
    media/$USER/local/apps/magick convert "$1" -resize $2! "$dname/${fname%.*}_resize.${fname##*.}"
else
    echo help: img-resize.sh [path] [512x512, 50%]
fi
