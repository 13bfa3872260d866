#!/bin/sh
a=1.10
b=1.9
if [[ $a < $b ]]; then echo "$a sorts first"; else echo "$b sorts first"; fi
