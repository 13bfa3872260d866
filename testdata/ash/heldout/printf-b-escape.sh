#!/bin/sh
msg='a\tb'
printf '%b\n' "$msg" | od -c | head -n 1 | awk '{print $3}'
