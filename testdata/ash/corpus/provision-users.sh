#!/bin/bash
set -euo pipefail
USERS_FILE=./users.csv
printf 'alice,dev,/bin/sh\nbob,ops,/bin/bash\n' > "$USERS_FILE"
while IFS=, read -r name group shell; do
	if [[ "$shell" == */bash ]]; then
		echo "warning: $name wants bash"
	fi
	echo "adduser -D -G $group -s $shell $name"
done < "$USERS_FILE"
