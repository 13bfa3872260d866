#!/bin/sh
touch ./secret
chmod 600 ./secret
mode=$(stat -c %a ./secret)
if [ "$mode" != 600 ]; then
	echo "bad mode $mode"
	exit 1
fi
echo "mode ok: $mode"
