#!/bin/bash
exec 9>./cron.lock
if ! flock -n 9; then echo "busy"; exit 1; fi
echo "running job"
