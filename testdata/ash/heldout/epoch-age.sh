#!/bin/bash
touch -d '2000-01-01' marker
now=$(date +%s)
mtime=$(stat -c %Y marker)
age_days=$(( (now - mtime) / 86400 ))
[ $age_days -gt 1000 ] && echo "stale"
