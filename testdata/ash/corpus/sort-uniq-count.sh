#!/bin/sh
printf '10.0.0.1\n10.0.0.2\n10.0.0.1\n10.0.0.3\n10.0.0.1\n' > ./ips
sort ./ips | uniq -c | sort -rn | head -n 1
sort -u ./ips | wc -l
