#!/bin/sh
echo "version=1.2.3" > ./meta
grep -oP '(?<=version=)[0-9.]+' ./meta
