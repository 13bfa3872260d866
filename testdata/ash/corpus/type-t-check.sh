#!/bin/sh
if [ "$(type -t ls)" = file ]; then
	echo "ls is a program"
fi
