#! /bin/bash
#
# Count how often each word occurs in the files given.

printf 'Apples and pears, and apples.\nPears!\n' > fruit.txt
set -- fruit.txt

cat $* |                     # Files to process
sed -e 's/[^A-Za-z]/\n/g' |  # Every non-letter becomes a line break
grep -v '^$' |               # Drop the empty lines
sort |                       # Sort the words
uniq -c                      # Count repeats
