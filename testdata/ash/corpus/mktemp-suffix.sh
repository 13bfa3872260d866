#!/bin/sh
f=$(mktemp --suffix=.json ./cfg.XXXXXX)
case $f in *.json) echo "json temp file" ;; esac
