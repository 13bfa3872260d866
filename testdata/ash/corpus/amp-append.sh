#!/bin/sh
job() { echo "ran"; }
job &>> ./cron.log
cat ./cron.log
