#!/bin/sh
n=$(ulimit -n)
[ "$n" -gt 0 ] && echo "fd limit ok"
