#!/bin/sh
log=./deploy.log
{
	echo "step 1"
	echo "step 2"
} | tee -a "$log" >/dev/null
tee "$log.copy" < "$log" | wc -l
