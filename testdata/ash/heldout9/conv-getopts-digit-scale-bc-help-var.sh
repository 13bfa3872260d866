#!/usr/bin/env bash
# Convert amongst temperature units
# v0.6  sep/2024

#defaults

#scale
SCALEDEF=2

#script name
SN="${0##*/}"

#make sure locale is set correctly
export LC_NUMERIC=C

#help
HELP="$SN - Convert amongst temperature units


SYNOPSIS
	$SN [-NUM] [-qr] TEMP [c|f|k] [c|f|k]


	Converts amongst absolute temperatures: 45 degrees Fahrenheit
	are 7.2 degrees Celsius. TEMP is a floating point number and can
	be a simple arithmetic expression.

	Without a unit, converts between Celsius and Fahrenheit.

	Option -r converts relative temperatures: a change of 45
	degrees Fahrenheit is a change of 25 degrees Celsius.

OPTIONS
	-NUM 	Scale (decimal places); defaults=$SCALEDEF.
	-h 	Help.
	-q 	Print only the number.
	-r 	Relative temperatures."

#convert
tempf()
{
	local temp from to
	temp="$1" from="${2:-f}" to="${3:-c}"
	from=$(echo "$from" | cut -c1 | tr 'CFK' 'cfk')
	to=$(echo "$to" | cut -c1 | tr 'CFK' 'cfk')
	[ "$from" = "$to" ] && to=c && [ "$from" = c ] && to=f
	if [ -n "$OPTR" ]
	then
		case "$from$to" in
			fc) EXP="($temp)*5/9" ;;
			cf) EXP="($temp)*9/5" ;;
			ck|kc) EXP="$temp" ;;
			fk) EXP="($temp)*5/9" ;;
			kf) EXP="($temp)*9/5" ;;
		esac
	else
		case "$from$to" in
			fc) EXP="(($temp)-32)*5/9" ;;
			cf) EXP="($temp)*9/5+32" ;;
			ck) EXP="($temp)+273.15" ;;
			kc) EXP="($temp)-273.15" ;;
			fk) EXP="(($temp)-32)*5/9+273.15" ;;
			kf) EXP="(($temp)-273.15)*9/5+32" ;;
		esac
	fi
	RESULT=$(echo "scale=${SCALE:-$SCALEDEF}; $EXP / 1" | bc -l)
	if [ -n "$OPTQ" ]
	then
		echo "$RESULT"
	else
		echo "$temp $(echo "$from" | tr 'cfk' 'CFK') = $RESULT $(echo "$to" | tr 'cfk' 'CFK')"
	fi
}

run()
{
	local OPTIND opt
	OPTQ= OPTR= SCALE=
	while getopts 0123456789hqr opt
	do
		case $opt in
			[0-9]) SCALE="$SCALE$opt" ;;
			h) echo "$HELP" | head -n 4; return 0 ;;
			q) OPTQ=1 ;;
			r) OPTR=1 ;;
			\?) return 1 ;;
		esac
	done
	shift $((OPTIND - 1))
	tempf "$@"
}

run 45 f c
run -1 100 celsius kelvin
run -q -3 300 k f
run -r 45 F C
run -h
