#!/bin/bash
read -r total used <<< "$(free -m | awk 'NR==2 {print $2, $3}')"
pct=$(( used * 100 / total ))
if (( pct > 100 )); then echo high; else echo fine; fi
