#!/bin/sh
out="status: active"
if grep -q active <<< "$out"; then
	echo running
fi
