#!/bin/sh
mkdir -p ./var/a ./var/b
du --max-depth=1 ./var >/dev/null
echo "rc=$?"
