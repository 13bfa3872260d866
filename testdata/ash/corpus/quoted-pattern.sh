#!/bin/sh
file="*.log"
if [[ app.log == "$file" ]]; then
	echo "matched glob"
else
	echo "literal compare"
fi
if [[ app.log == "*.log" ]]; then echo "pattern"; else echo "no"; fi
