#!/bin/sh
v="release-2024.01"
[[ $v =~ release-([0-9]+) ]] && echo "year found"
