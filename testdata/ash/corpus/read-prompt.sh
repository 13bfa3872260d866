#!/bin/sh
printf 'Continue? [y/N] '
if read -r answer && [ "$answer" = y ]; then
	echo "continuing"
else
	echo
	echo "aborted"
fi
