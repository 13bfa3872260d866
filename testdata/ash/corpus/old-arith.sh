#!/bin/sh
a=3
b=4
echo "sum $[a + b]"
