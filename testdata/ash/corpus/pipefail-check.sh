#!/bin/sh
set -o pipefail
if printf 'a\nb\n' | grep -q z | cat; then
	echo "pipeline ok"
else
	echo "pipeline failed: $?"
fi
