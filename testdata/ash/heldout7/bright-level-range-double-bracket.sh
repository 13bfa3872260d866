#!/bin/bash

# The display's backlight file is below the working directory.
mkdir -p sys/class/backlight/rpi_backlight
echo 255 > sys/class/backlight/rpi_backlight/brightness

set_level() {
level=$1
#echo "level given is $level"

if [ $# != 1 ]; then
echo "USAGE: $0 brightness_level (0 to 255)"
return 1
fi

if [[ $level -ge 0 && $level -le 255 ]]; then
#echo "level given is $level"
echo $level > sys/class/backlight/rpi_backlight/brightness
echo "Screen brightness set to $level."
return 0
else
echo "Brightness level $level is out of range! (0 to 255 only)"
return 1
fi
}

set_level 128
set_level 300
set_level 40
cat sys/class/backlight/rpi_backlight/brightness
exit 0
