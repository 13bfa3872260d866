# Bash functions for version checks

# compares version-wise the two parameters (a, b)
# echoes -1 if a < b, 0 if a == b, and 1 if a > b
function ver_cmp0 () {
  if (( $1 < $2 )); then echo -1
  elif (( $1 > $2 )); then echo 1
  else echo 0
  fi
}

function ver_cmp () {
  if [[ $1 == $2 ]]; then
    echo 0
    return
  fi
  # split $1 by '.' into ver1 and $2 by '.' into ver2
  local IFS=.
  local i ver1=($1) ver2=($2) # same as read -r -a ver1 <<<"$1", etc
  # fill empty fields in ver1 with zeros
  for ((i=${#ver1[@]}; i<${#ver2[@]}; i++)); do
    ver1[i]=0
  done
  for ((i=0; i<${#ver1[@]}; i++)); do
    if [[ -z ${ver2[i]} ]]; then
      # fill empty fields in ver2 with zeros
      ver2[i]=0
    fi
    local r=$(ver_cmp0 ${ver1[i]} ${ver2[i]})
    if [[ $r != 0 ]]; then
      echo $r
      return
    fi
  done
  echo 0
}

echo "6.5.1 vs 6.10: $(ver_cmp 6.5.1 6.10)"
echo "6.10 vs 6.10.0: $(ver_cmp 6.10 6.10.0)"
echo "7 vs 6.99: $(ver_cmp 7 6.99)"
