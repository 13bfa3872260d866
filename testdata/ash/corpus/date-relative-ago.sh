#!/bin/sh
days=7
cutoff=$(date -d "$days days ago" +%s)
[ -n "$cutoff" ] && echo "cutoff computed"
