#!/bin/bash

# useful snippets for menus and user-interactive scripts. For reference only
# All will loop until user chooses to quit (blank, menu choice, cancel)

# Read
while read -r -p "Tell me your city (ENTER to quit): " city && [[ $city ]]; do
	echo "You live in $city"
done <<'INPUT'
Lisbon
New York

ignored
INPUT

# One-liner (for pasting in #bash)
while read -r -p "Name (ENTER to quit): " name && [[ $name ]]; do { echo "Hello $name"; } done <<'INPUT'
Ada

INPUT

# Array of options for select. Globs can be used for files
options=("AAA" "BBB" "CCC")

# Only way to customize select prompt is via PS3
PS3="Choose an option: "

# Select the with options, with an n+1 "Quit" entry added
echo "Select one"
select opt in "${options[@]}" "Quit"; do
	case $REPLY in
		$(( ${#options[@]} + 1 ))) echo "Goodbye"; break ;;
		*) [[ $opt ]] && echo "You picked $opt" || echo "Invalid" ;;
	esac
done 2>&1 <<'INPUT'
2
4
INPUT
