#!/bin/sh

# The backlight's files are below the working directory.
mkdir -p sys/class/backlight/intel_backlight
echo 4800 > sys/class/backlight/intel_backlight/brightness
sudo() { "$@"; }

basedir="sys/class/backlight/"

# get the backlight handler
handler=$basedir$(ls $basedir)"/"

# new brightness value
new_brightness="0"

# set the new brightness value
sudo chmod 666 $handler"brightness"
sudo echo $new_brightness > $handler"brightness"
cat $handler"brightness"
