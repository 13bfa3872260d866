#!/bin/sh
tab=$(printf '\t')
printf 'one\ttwo\n' | while IFS="$tab" read -r a b; do echo "$b"; done
