#!/bin/sh
verbose=0
target=prod
usage() { echo "usage: $0 [-v] [-t target]"; }
set -- -v -t staging extra
while getopts vt: opt; do
	case $opt in
		v) verbose=$((verbose + 1)) ;;
		t) target=$OPTARG ;;
		*) usage; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
echo "verbose=$verbose target=$target rest=$*"
