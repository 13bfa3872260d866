#!/bin/bash

if [[ ! ( $?SCRIPTS_LIB_STRINGS_SH_ ) ]]; then
  return
fi

export SCRIPTS_LIB_STRINGS_SH_="strings.sh"
readonly SCRIPTS_LIB_STRINGS_SH_

# strings::trim(str)
# takes the blanks off both ends
strings::trim()
{
    echo "$@"
}
export -f strings::trim

echo "[$(strings::trim "   padded   words  ")]"
echo "loaded $SCRIPTS_LIB_STRINGS_SH_"
