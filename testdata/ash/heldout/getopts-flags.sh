#!/bin/sh
set -- -v -o out.txt file1
verbose=0
while getopts "vo:" opt; do
  case $opt in
    v) verbose=1 ;;
    o) output=$OPTARG ;;
  esac
done
shift $((OPTIND-1))
echo "verbose=$verbose output=$output rest=$*"
