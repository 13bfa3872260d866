#!/bin/sh
mkdir -p q; touch q/1 q/2 q/3
n=$(ls q | wc -l)
echo "queue length $n"
