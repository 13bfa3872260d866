#!/bin/sh
dd if=/dev/zero of=./blob bs=1024 count=4 2>/dev/null
stat -c %s ./blob
