#!/bin/bash
# Name: rot13.sh
# Version: 0.01
# Description: ROT13 decoder 

usage() 
{
  cat <<EOF

Usage: rot13.sh string_to_convert
  
Example:
   rot13.sh "ivfvg zl oybt"
EOF
}

set -- "uryyb jbeyq"

[ $1 -eq 0 ] && { usage; exit 1; }

echo $1 | tr '[A-Za-z]' '[N-ZA-Mn-za-m]'
