#!/bin/sh
SECONDS=0
sleep 1
echo "took ${SECONDS}s"
