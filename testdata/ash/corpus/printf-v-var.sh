#!/bin/sh
printf -v stamp '%s-%s' app 42
echo "artifact: $stamp"
