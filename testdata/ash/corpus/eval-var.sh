#!/bin/sh
set_var() { eval "$1=\$2"; }
get_var() { eval "printf '%s\n' \"\${$1}\""; }
set_var color blue
get_var color
