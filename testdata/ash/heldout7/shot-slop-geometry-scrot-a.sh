#!/usr/bin/bash

# Stand-ins: slop gives a fixed selection, scrot prints what it would do.
slop() { echo "120,80,640,360"; }
scrot() { printf '%s\n' "scrot" "$@"; }
mkdir -p shots

scrot -a $(slop -f '%x,%y,%w,%h') 'shots/%F_%T_$wx$h.png' -e 'xclip -selection clipboard -target image/png -i $f'
