#!/bin/sh
if [ "$(id -u)" -ne 0 ]; then echo "need root"; exit 1; fi
echo "root ok"
