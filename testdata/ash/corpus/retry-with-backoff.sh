#!/bin/bash
retry() {
	local n=0 max=3 delay=0
	until "$@"; do
		(( n++ ))
		if (( n >= max )); then
			echo "giving up after $n attempts"
			return 1
		fi
		sleep $delay
	done
}
attempt=0
flaky() { attempt=$((attempt + 1)); [ $attempt -ge 2 ]; }
retry flaky && echo "succeeded after $attempt"
