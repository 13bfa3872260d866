#!/bin/sh
# Generate a summary CSV file from the raw CSV files.
ROOT_DIR=$(cd "$(dirname "$0")" && pwd)
printf 'name,time\na,1.5\nb,2.5\n' > raw1.csv
printf 'name,time\nc,3\n' > raw2.csv
# Check if awk is GNU awk, otherwise use gawk if available
AWK_CMD="awk"
if ! awk --version 2>&1 | grep -q "GNU Awk"; then
    if command -v gawk > /dev/null; then
        AWK_CMD="gawk"
    fi
fi
echo "rows,total"
cat raw1.csv raw2.csv | $AWK_CMD -F, 'FNR > 0 && $1 != "name" { n++; s += $2 } END { printf "%d,%.1f\n", n, s }'
[ -d "$ROOT_DIR" ] && echo "script dir found"
