#!/bin/sh
set_default() {
	local -n ref=$1
	ref=${ref:-fallback}
}
val=""
set_default val
echo "$val"
