#!/bin/sh

set -e

# A good password that is safe in a shell word; length from the argument
# (24 by default).
yush_password() {
    tr -dc A-Za-z0-9 </dev/urandom 2>/dev/null | head -c"${1:-24}"; echo
}

p=$(yush_password)
q=$(yush_password 8)
echo "${#p} ${#q}"
