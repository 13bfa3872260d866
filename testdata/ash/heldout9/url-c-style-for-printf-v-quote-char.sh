#After an answer on Stack Overflow (questions/296536)
urlencode() {
  local string="${1}"
  local strlen=${#string}
  local encoded=""

  for (( pos=0 ; pos<strlen ; pos++ )); do
     c=${string:$pos:1}
     case "$c" in
        [-_.~a-zA-Z0-9] ) o="${c}" ;;
        * )               printf -v o '%%%02x' "'$c"
     esac
     encoded+="${o}"
  done
  echo "${encoded}"    # either set a return variable (FASTER)
  REPLY="${encoded}"   #+or echo the result (EASIER)... or both
}


#After the same answer
urldecode() {

  # A gamble, but every escape character must be encoded: replace %NN
  # with \xNN and let printf %b decode the hex

  printf -v REPLY '%b' "${1//%/\\x}" # either set a return variable (FASTER)

  echo "${REPLY}"  #+or echo the result (EASIER)... or both
}

urlencode 'name=Jane Doe&city=Sao/x?y~z'
urldecode 'name%3dJane%20Doe%26q%3d1'
echo "REPLY=$REPLY"
