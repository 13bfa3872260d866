#! /bin/bash
# Small helpers around ImageMagick
mogrify() { echo "mogrify $*"; }
convert() { echo "convert $*"; }
identify() { echo "640x480"; }
: > a.webp
: > b.webp
: > image.jpg

function convert_cropResizeBulk {
  # Change a group of images in place. Back them up first!
  mogrify -gravity center -crop 1:1 -resize 400x400 *.webp
}
function convert_cropResize {
  # Loop this over an image set to convert them one by one
  convert -gravity center -crop 1:1 -resize 400x400 *.webp image-%d.webp
}
function identify_image {
  # An image's width and height
  identify -format "%wx%h" image.jpg
}

convert_cropResizeBulk
convert_cropResize
identify_image
