#!/usr/bin/env bash

# Word frequency of words.txt, three ways to the same list.
printf 'the day is sunny the the\nthe sunny is is\n' > words.txt

grep -oE '[a-z]+' words.txt | sort | uniq -c | sort -nr | awk '{print $2" "$1}'

tr -s ' ' '\n' < words.txt | sort | uniq -c | sort -nr | awk '{print $2, $1}'

awk '{
    for (k = 1; k <= NF; ++k) ++seen[$k];
} END {
    for (k in seen) print k, seen[k];
}' words.txt | sort -nr -k 2
