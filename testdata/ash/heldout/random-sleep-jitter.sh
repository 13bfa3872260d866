#!/bin/bash
delay=$(( RANDOM % 5 ))
[ $delay -lt 5 ] && echo "jitter ok"
