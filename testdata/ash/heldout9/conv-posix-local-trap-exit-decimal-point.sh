#! /bin/sh
# Converts every argument from degrees Fahrenheit into degrees Celsius.
# Without arguments, reads the values from standard input instead. Uses
# the decimal point of the current locale.
set -e
trap 'test $? = 0 || echo "$0 failed!" >& 2' 0

decimal_point=`printf '%.1f' 0 | tr -d 0`

convert() {
	local temp frac rest last div
	temp=$1; frac=; div=1
	while test "$temp"
	do
		rest=${temp%?}; last=${temp#"$rest"}
		if test "$last" = "$decimal_point"
		then
			div=1`printf %s "$frac" | tr -c 0 0`
			frac=$rest$frac
			break
		fi
		frac=$last$frac
		temp=$rest
	done
	# hundredths of a degree Celsius
	c=`expr \( $frac - 32 \* $div \) \* 500 / \( 9 \* $div \)`
	printf '%s F = %d%s%02d C\n' "$1" `expr $c / 100` "$decimal_point" `expr $c % 100`
}

main() {
	if test $# = 0
	then
		while IFS= read -r v
		do
			convert "$v"
		done
	else
		for v
		do
			convert "$v"
		done
	fi
}

main 212 98.6 50.00
main <<'IN'
104
33.8
IN
