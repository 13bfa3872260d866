#!/bin/sh
workers=$(nproc)
[ "$workers" -ge 1 ] && echo "workers ok"
