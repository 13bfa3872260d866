#!/bin/sh
printf 'INFO a\nERROR b\nWARN c\nERROR d\n' > ./svc.log
errors=$(grep -c ERROR ./svc.log)
if [ "$errors" -gt 1 ]; then
	echo "$errors errors"
fi
grep -n WARN ./svc.log
