#!/bin/sh
pw=s3cretpassword
if [ ${#pw} -lt 12 ]; then
	echo "too short"
else
	echo "length ${#pw} ok"
fi
