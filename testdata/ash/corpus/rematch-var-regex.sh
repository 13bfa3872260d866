#!/bin/sh
re='^v[0-9]+$'
tag=v42
if [[ $tag =~ $re ]]; then
	echo "tag ${BASH_REMATCH:-?} ok"
fi
