#!/bin/bash
echo "version: 3.14.1 build 7" > info.txt
ver=$(grep -oP '\d+\.\d+\.\d+' info.txt)
echo "ver=$ver"
