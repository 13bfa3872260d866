#!/usr/bin/env bash

# Fix file permission
# Min. Requirement  : GNU/Linux Ubuntu 18.04
mkdir -p "www/my site/img"
touch "www/my site/index.html" "www/my site/img/logo 1.png"
chmod 700 "www/my site/img"
set -- www

# directory
[ "${1}" = "" ] && return 0

find "${1}" -type d -print0 | xargs -0 chmod 755
find "${1}" -type f -print0 | xargs -0 chmod 644
find "${1}" -perm 755 | wc -l
