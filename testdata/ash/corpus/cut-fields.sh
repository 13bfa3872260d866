#!/bin/sh
echo "2024-01-02T10:20:30 INFO started" > ./app.log
cut -d' ' -f2 ./app.log
cut -c1-10 ./app.log
cut -d'T' -f1 ./app.log
