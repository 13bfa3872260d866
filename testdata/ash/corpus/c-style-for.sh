#!/bin/sh
for ((i = 0; i < 3; i++)); do
	echo "try $i"
done
