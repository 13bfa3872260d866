#!/bin/sh
# Remove stale session files, report how many went.
dir=./sessions
mkdir -p "$dir"
for s in a b c; do echo x > "$dir/sess_$s"; done
touch -d '2020-01-01 00:00:00' "$dir/sess_a" "$dir/sess_b"
before=$(find "$dir" -type f | wc -l)
find "$dir" -type f -name 'sess_*' -mmin +1440 -exec rm -f {} +
after=$(find "$dir" -type f | wc -l)
echo "removed $((before - after)) of $before"
