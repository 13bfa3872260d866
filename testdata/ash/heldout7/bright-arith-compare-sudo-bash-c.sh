#! /bin/bash

# The backlight file is below the working directory.
mkdir -p sys/class/backlight/intel_backlight
echo 250 > sys/class/backlight/intel_backlight/brightness
sudo() { "$@"; }

for press in 1 2 3; do
bright=`cat sys/class/backlight/intel_backlight/brightness`
if (( "$bright" >= 100 ))
    then
    bright=$(($bright - 100))
    sudo bash -c "echo $bright > sys/class/backlight/intel_backlight/brightness"
else
    sudo bash -c "echo 0 > sys/class/backlight/intel_backlight/brightness"
fi
echo "after press $press: $(cat sys/class/backlight/intel_backlight/brightness)"
done
