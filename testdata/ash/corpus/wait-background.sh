#!/bin/sh
work() { sleep 0; echo "job $1 done" > "./job$1"; }
work 1 &
p1=$!
work 2 &
p2=$!
wait "$p1" "$p2"
cat ./job1 ./job2
