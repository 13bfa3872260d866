#!/bin/sh
seq 1 10 > ./nums
head -n 3 ./nums | tr '\n' ' '
echo
tail -n 2 ./nums | tr '\n' ' '
echo
tail -n +9 ./nums | wc -l
