#!/usr/bin/env bash
## word frequency, one grep per distinct word
set -e

printf 'the day is sunny the the\nthe sunny is is\n' > words.txt
output=$(cat words.txt)
words=$(echo "$output" | sed -e "s/ /\n/g")

uniq_words=$(echo "$words" | sort | uniq)
output=""

for uniq_word in $uniq_words; do
    # echo "$uniq_word"
    count=$(echo "$words" | grep "^${uniq_word}"'$' | wc -l)
    output="${output}\n${uniq_word} ${count}"
done

echo -e "$output" | grep -v '^$' | sort -n -k 2 -r
