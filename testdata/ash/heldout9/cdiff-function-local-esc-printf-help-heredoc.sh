#!/usr/bin/env bash

# shellcheck shell=bash

# =========================================================================

# After answers on colouring diff output (stackoverflow q/8800578) and colordiff
colordiff() {
	# Colors
	local ESC
	ESC="$( printf "\\033" )"

	local diff_c_reset="$ESC[0m"

	local diff_b_meta="40;1;37"	# white
	local diff_b_frag="36"		# cyan
	local diff_b_old="31"		# red
	local diff_b_new="32"		# green
	local diff_b_mod="34"		# blue

	[ $# -gt 0 ] || {
		cat - <<HELP
Usage: colordiff [OPTION]... FILES

Wraps diff and colours what it prints, to read it more easily.
HELP
		return 1
	}

	diff "$@" | sed \
		-e "s/^diff .*/$ESC[${diff_b_meta}m&${diff_c_reset}/" \
		-e "s/^--- .*/$ESC[${diff_b_meta}m&${diff_c_reset}/" \
		-e "s/^+++ .*/$ESC[${diff_b_meta}m&${diff_c_reset}/" \
		-e "s/^@@.*@@/$ESC[${diff_b_frag}m&${diff_c_reset}/" \
		-e "/^---/!s/^[-<].*/$ESC[${diff_b_old}m&${diff_c_reset}/" \
		-e "/^+++/!s/^[+>].*/$ESC[${diff_b_new}m&${diff_c_reset}/" \
		-e "s/^[0-9,]*c[0-9,]*$/$ESC[${diff_b_mod}m&${diff_c_reset}/"
}

printf 'host=a\nport=1\n' > left.ini
printf 'host=b\nport=1\nuser=x\n' > right.ini
touch -t 202401010000 left.ini right.ini
colordiff left.ini right.ini; echo "status $?"
colordiff -u left.ini right.ini; echo "status $?"
colordiff; echo "status $?"
