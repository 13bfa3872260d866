#!/bin/sh
mkdir -p ./real
ln -sfn ./real ./link
target=$(readlink -e ./link)
echo "resolved: ${target##*/}"
