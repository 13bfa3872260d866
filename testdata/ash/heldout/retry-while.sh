#!/bin/sh
n=0
until [ $n -ge 3 ]; do
  n=$((n+1))
  echo "try $n"
done
