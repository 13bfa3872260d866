#!/bin/sh
printf 'b\na\n' > ./one
printf 'a\nb\n' > ./two
if diff <(sort ./one) <(sort ./two) >/dev/null; then
	echo "same content"
fi
while read -r line; do
	echo "got $line"
done < <(printf 'x\ny\n')
