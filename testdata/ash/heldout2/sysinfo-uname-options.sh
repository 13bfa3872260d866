#!/bin/bash
echo "Date: $(date +%Y)"
echo "Current User: $USER"
echo "Kernel Name"
uname -s
echo "Kernel Release"
uname -r
echo "Kernel Version"
uname -v
echo "Machine type"
uname -m
echo "Processor"
uname -p
echo "Operating System"
uname -o
