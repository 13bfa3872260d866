#!/bin/sh
exec {logfd}>./audit.log
echo "audit line" >&$logfd
cat ./audit.log
