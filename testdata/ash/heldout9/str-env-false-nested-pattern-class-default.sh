#!/usr/bin/env false

#****f* string_tools.bsh/ltrim
# NAME
#   ltrim - trims the left of a string
# INPUTS
#   $1 - String to trim
#   [$2] - Characters to trim. Default [:space:].
# OUTPUT
#   stdout - the trimmed string
#***
function ltrim()
{
  echo "${1#"${1%%[!${2-[:space:]}]*}"}"
}

#****f* string_tools.bsh/rtrim
# NAME
#   rtrim - trims the right of a string
#***
function rtrim()
{
  echo "${1%"${1##*[!${2-[:space:]}]}"}"
}

#****f* string_tools.bsh/trim
# NAME
#   trim - trims both ends of a string
# INPUTS
#   $1 - String to trim
#   [$2] - Characters to trim. Default [:space:]. Another character or
#          class (alnum alpha digit lower upper punct...), or several,
#          written as inside a [] without the brackets.
#***
function trim()
{
  local x
  x="${1#"${1%%[!${2-[:space:]}]*}"}"
  echo "${x%"${x##*[!${2-[:space:]}]}"}"
}

echo "[$(ltrim '   left  ')]"
echo "[$(rtrim '   right  ')]"
echo "[$(trim ' abcAcba ')]"
echo "[$(trim 'abcAcba' a)]"
echo "[$(trim 'abcAcba' [:lower:])]"
echo "[$(trim 'abcdAdcba' a-c)]"
echo "[$(trim 'aebcAcbea' aeiou)]"
