#!/bin/sh
hosts=(web-01 web-02 db-01)
for h in "${hosts[@]}"; do
	echo "deploying to $h"
done
echo "${#hosts[@]} hosts"
