#! /bin/bash

# Stand-in: scrot prints what it would do.
scrot() { printf '[%s]\n' "$@"; }

output='home/user/screenshot/%Y-%m-%d-%T-screenshot.png'

#scrot "$output" --select --line mode=edge

scrot "$output" -e 'xclip -selection clipboard -t image/png -i $f' --select --line mode=edge
