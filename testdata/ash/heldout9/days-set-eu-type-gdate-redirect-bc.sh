#!/bin/bash

# Days between dates
# Named after a function of a pocket calculator.
# The time counts too, so a range across a daylight saving change gives a
# fraction.

set -eu

function usage() {
    echo "Usage: dbd DATE1 [DATE2]"
    echo "Prints the number of days between DATE1 and DATE2, or today"
    echo "when DATE2 is left out. A DATE is anything date(1) can read."
}

set -- "2024-01-01 12:00" "2024-03-01 00:00"

if [ "${#}" = 1 ] && [ "${1}" = "--help" ]; then
    usage
    exit
fi

if [ "${#}" = 0 ] || [ "${#}" -gt 2 ]; then
    usage
    exit 1
fi

if type gdate >& /dev/null; then
    DATE=gdate
else
    DATE=date
fi

START=$($DATE -d "${1}" +%s)
END=$($DATE -d "${2:-now}" +%s)

echo "scale=2; (${END} - ${START}) / 86400" | bc
