#!/bin/sh
i=0
while [ $i -lt 5 ]; do
	let i=i+1
done
let "j = i * 3"
echo "$i $j"
