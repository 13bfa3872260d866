#!/bin/sh
kib=$((2**10))
mib=$((kib * kib))
echo "$kib $mib"
i=0
i=$((i + 1))
: $((i += 2))
echo "$i"
