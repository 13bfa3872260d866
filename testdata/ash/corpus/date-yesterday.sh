#!/bin/sh
day=$(date -u -d 'yesterday' +%Y-%m-%d)
echo "rotating logs of ${#day}-char day"
