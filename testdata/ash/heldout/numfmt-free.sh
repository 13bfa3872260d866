#!/bin/sh
printf '%s\n' 2048 | awk '{printf "%.1fK\n", $1/1024}'
