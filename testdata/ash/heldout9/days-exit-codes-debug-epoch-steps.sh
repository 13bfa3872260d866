#!/bin/bash

# days-between.sh (ver. 1.0)
#
# Works out the number of days between two dates given as arguments, and
# shows each step: the input, the seconds since the epoch, their
# difference and the count of days.

# === Exit codes ===
E_BADARGS=85    # Wrong number of arguments
E_DATEFAIL=86   # A date could not be read

set -- 2024-02-01 "March 1 2024"

# === 1. The arguments ===
if [ $# -ne 2 ]; then
    echo "Usage: $(basename "days-between.sh") <date1> <date2>"
    echo "  Dates in any form GNU date reads, e.g. YYYY-MM-DD"
    exit $E_BADARGS
fi

date1="$1"
date2="$2"

echo "DEBUG: Received dates:"
echo "  date1 = '$date1'"
echo "  date2 = '$date2'"

# === 2. Seconds since the epoch ===
epoch1=$(date -d "$date1" +%s 2>/dev/null) || { echo "Cannot read '$date1'" >&2; exit $E_DATEFAIL; }
epoch2=$(date -d "$date2" +%s 2>/dev/null) || { echo "Cannot read '$date2'" >&2; exit $E_DATEFAIL; }
echo "DEBUG: epoch1 = $epoch1, epoch2 = $epoch2"

# === 3. The difference ===
diff_sec=$(( epoch2 - epoch1 ))
echo "DEBUG: difference = $diff_sec seconds"

# === 4. Days ===
days=$(( diff_sec / 86400 ))
echo "Days between: ${days#-}"
