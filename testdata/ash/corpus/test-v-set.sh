#!/bin/sh
CONFIG=./app.conf
if [ -v CONFIG ]; then
	echo "config set"
fi
