#!/bin/sh
main() {
	cmd=$1
	shift
	echo "cmd=$cmd args=$#"
	while [ $# -gt 0 ]; do
		echo "arg: $1"
		shift
	done
}
main deploy web db
