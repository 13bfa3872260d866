#!/bin/sh
mkdir -p ./etc
echo "listen 80" > ./etc/a.conf
grep -r --include='*.conf' listen ./etc | wc -l
