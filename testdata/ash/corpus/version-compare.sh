#!/bin/bash
version_ge() {
	[[ "$(printf '%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}
if version_ge 3.20.1 3.9.0; then
	echo "new enough"
fi
current=3.18
IFS=. read -r major minor <<< "$current"
echo "major=$major minor=$minor"
