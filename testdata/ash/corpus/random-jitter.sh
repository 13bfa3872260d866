#!/bin/sh
# Spread cron jobs: sleep up to 0 seconds here to keep the test fast.
jitter=$((RANDOM % 1))
sleep "$jitter"
echo "slept"
