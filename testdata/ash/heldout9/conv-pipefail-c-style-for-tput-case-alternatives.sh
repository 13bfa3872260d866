#!/usr/bin/env bash

# Exit if any piped command fails
set -o pipefail

exec <<'IN'
1
212
IN

# clear the screen from this line down
clear_from() {
	for ((i = 1; i <= $1; i++)); do
		tput cuu1
		tput el
	done
}

fahrenheight_to_celsius() {
	echo "$1" | awk '{ printf "%.1f°C\n", ($1 - 32) * 5 / 9 }'
}

celsius_to_fahrenheit() {
	echo "$1" | awk '{ printf "%.1f°F\n", $1 * 9 / 5 + 32 }'
}

setup() {
	# For people who just want to convert a temperature
	echo "What temperature scale do you want to convert to?"
	echo "1. Celsius"
	echo "2. Fahrenheit"
	read -rp "Enter a number: " scale
	case ${scale} in
	1 | "1." | "celsius" | "Celsius" | "c" | "C" | "1. Celsius" | "1. celsius" | "1. C" | "1. c")
		clear_from 4
		read -rp "Enter a temperature in fahrenheit: " temperature
		clear_from 1
		fahrenheight_to_celsius "${temperature}"
		;;
	2 | "2." | "fahrenheit" | "Fahrenheit" | "f" | "F" | "2. Fahrenheit" | "2. fahrenheit" | "2. F" | "2. f")
		clear_from 4
		read -rp "Enter a temperature in celsius: " temperature
		clear_from 1
		celsius_to_fahrenheit "${temperature}"
		;;
	*)
		echo "Not a choice: ${scale}" >&2
		exit 1
		;;
	esac
}

if [ $# -eq 0 ]; then
	setup
else
	fahrenheight_to_celsius "$1"
fi
