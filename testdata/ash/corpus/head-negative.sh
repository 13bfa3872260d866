#!/bin/sh
seq 1 5 > ./n
head -n -2 ./n | tr '\n' ' '
echo
