#!/bin/bash
printf 'a\nb\n' > in.txt
sed -z 's/\n/,/g' in.txt; echo
