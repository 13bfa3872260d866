#!/bin/bash
#
# Basic helpers, such as a random password generator

random_password() {
    set +o pipefail
    C_CTYPE=C tr -dc 'a-zA-Z0-9' < /dev/urandom | head -c32
}

random_password_open3a() {
    set +o pipefail
    C_CTYPE=C tr -dc 'a-zA-Z0-9' < /dev/urandom | head -c20
}

for f in random_password random_password_open3a; do
  p=$($f)
  case $p in *[!a-zA-Z0-9]*) kind=other ;; *) kind=alnum ;; esac
  echo "$f: ${#p} $kind"
done
