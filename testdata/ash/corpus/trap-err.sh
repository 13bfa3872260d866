#!/bin/sh
trap 'echo "a command failed"' ERR
false
echo "continuing"
