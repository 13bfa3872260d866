#!/usr/bin/env bash

urldecode() {
    # urldecode <string>

    local url_encoded="${1//+/ }"
    printf '%b' "${url_encoded//%/\\x}"
}

urlencode() {
    # urlencode <string>
    old_lc_collate=$LC_COLLATE
    LC_COLLATE=C
    
    local length="${#1}"
    for (( i = 0; i < length; i++ )); do
        local c="${1:i:1}"
        case $c in
            [a-zA-Z0-9.~_-]) printf "$c" ;;
            *) printf '%%%02X' "'$c" ;;
        esac
    done
    
    LC_COLLATE=$old_lc_collate
}

cli() {
case $1 in
"-d")
  if [ -n "$2" ];
  then
    urldecode "$2"
    echo ""
    exit 0
  fi
  while read line
  do
    urldecode "$line"
    echo ""
  done
  ;;
"-e")
  if [ -n "$2" ];
  then
    urlencode "$2"
    echo ""
    exit 0
  fi
  while read line
  do
    urlencode "$line"
    echo ""
  done
  ;;
*)
  echo "usage: $(basename urlcode.sh) -d|-e [string]" >&2
  exit 1
  ;;
esac
}

( cli -e 'q=a b&lang=en' )
( cli -d 'q%3Da+b%26lang%3Den' )
( cli -e ) <<'IN'
one two
three/four
IN
( cli -d ) <<'IN'
one%20two
IN
( cli ) ; echo "status $?"
