#!/bin/bash
echo "System name: $(uname -s)"
[ -n "$(uname -n)" ] && echo "Host name: set"
echo "OS Release: $(uname -r)"
echo "OS Version: $(uname -v)"
echo "CPU Type: $(uname -m)"
