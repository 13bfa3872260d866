#!/bin/bash
exec {log}>./out.log
echo "to log" >&$log
exec {log}>&-
cat out.log
