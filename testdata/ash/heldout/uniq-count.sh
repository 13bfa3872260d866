#!/bin/sh
printf 'a\nb\na\n' | sort | uniq -c | awk '{print $2, $1}'
