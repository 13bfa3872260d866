#!/bin/sh
state="not ready"
if [[ $state == ready ]]; then
	echo ready
else
	echo waiting
fi
