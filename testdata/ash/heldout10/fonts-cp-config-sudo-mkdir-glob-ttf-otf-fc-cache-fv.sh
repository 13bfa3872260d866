#!/bin/bash 

# sudo runs its command; fc-cache is a stand-in; the system font directory
# and HOME are below the working directory; the fonts are made first
mkdir -p bin conf fonts usr/share/fonts home/.config
export HOME="$PWD/home"
echo '<fontconfig/>' > conf/fonts.conf
printf 'x' > fonts/Inter.ttf
printf 'x' > fonts/FiraCode.ttf
printf 'x' > fonts/Inter.otf
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "fc-cache $*: succeeded"\n' > bin/fc-cache
chmod +x bin/*
PATH="$PWD/bin:$PATH"

cp conf/fonts.conf ~/.config/fontconfig
sudo mkdir usr/share/fonts/TTF
sudo mkdir usr/share/fonts/OTF
sudo cp fonts/*.ttf usr/share/fonts/TTF
sudo cp fonts/*.otf usr/share/fonts/OTF
sudo fc-cache -f -v
ls usr/share/fonts/TTF usr/share/fonts/OTF

