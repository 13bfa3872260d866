#!/bin/sh
printf 'a\nb\n' > ./f
sed -z 's/\n/,/g' ./f
echo
