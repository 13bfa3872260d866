#!/bin/sh
collect() {
	local files=()
	for f in a b; do files+=("$f"); done
	echo "${files[*]}"
}
collect
