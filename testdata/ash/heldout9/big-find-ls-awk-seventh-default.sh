#!/bin/bash
# the N largest files, N from the first argument or 10
mkdir -p d/e
printf '%s' 12345 > d/a
printf '%s' 1234567890123 > d/e/b
printf '%s' 12 > d/e/c
set -- 2
# (owner, inode and time differ between hosts: the last stage keeps size and name)
find . -type f -ls 2>/dev/null |\
  awk '{print $7, $0}' |\
  sort -nr |\
  head -n ${1:-10} | awk '{print $1, $NF}' # default 10
