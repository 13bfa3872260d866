#!/bin/bash
sleep 0 & sleep 0 &
wait -n
echo "one job finished"
wait
