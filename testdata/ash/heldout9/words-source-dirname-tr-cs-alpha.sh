#!/usr/bin/env bash

help="Prints the distinct words of its files and how often each occurs. Usage:

  unique-words [files...]"

# the shared helpers live next to the script; here, next to a fixed path
mkdir -p tools
cat > tools/script.sh <<'SH'
if [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "$help"
  exit 0
fi
SH
printf 'One fish, two fish.\nRed fish; blue FISH!\n' > story.txt
set -- story.txt

source "$(dirname "tools/unique-words")/script.sh"

cat "$@" | tr -cs '[:alpha:]' '\n' | tr '[:upper:]' '[:lower:]' | sort | uniq -c | sort -rn
