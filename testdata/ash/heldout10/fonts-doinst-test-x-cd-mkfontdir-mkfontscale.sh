# Update the fonts indexes.
#
# The package's root is the working directory ($ROOT): its usr/bin holds
# stand-ins for mkfontdir, mkfontscale and fc-cache
ROOT=$PWD
mkdir -p usr/bin usr/share/fonts/TTF
printf 'x' > usr/share/fonts/TTF/Sahel.ttf
for c in mkfontdir mkfontscale fc-cache; do
  printf '#!/bin/sh\necho "%s $* in ${PWD##*/}"\n' "$c" > "usr/bin/$c"
done
chmod +x usr/bin/*
PATH="$ROOT/usr/bin:$PATH"

if [ -x $ROOT/usr/bin/mkfontdir ]; then
   cd $ROOT/usr/share/fonts/TTF
   mkfontdir .
fi

if [ -x $ROOT/usr/bin/mkfontscale ]; then
   cd $ROOT/usr/share/fonts/TTF
   mkfontscale .
fi

if [ -x $ROOT/usr/bin/fc-cache ]; then
   fc-cache -f -v
fi
