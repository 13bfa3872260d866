#!/bin/bash

# sudo runs its command; fc-cache is a stand-in; the font directory is
# below the working directory; the font is made first
mkdir -p bin
printf 'x' > Monaco_Linux.ttf
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "fc-cache $*: succeeded"\n' > bin/fc-cache
chmod +x bin/*
PATH="$PWD/bin:$PATH"

FONTDIR=usr/share/fonts/Monaco-linux
echo "Start install"
sudo mkdir -p $FONTDIR

echo "Installing font"
sudo mv Monaco_Linux.ttf $FONTDIR

echo "Updating font cache"
sudo fc-cache -f -v

echo "Enjoy"
ls $FONTDIR
