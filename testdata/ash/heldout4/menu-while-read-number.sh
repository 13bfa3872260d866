#!/bin/sh

# Use: read, case
mkdir -p files && touch files/a.txt files/b.txt
cd files

while :
do
  echo "Menu:"
  echo "1) list file"
  echo "2) current directory"
  echo "3) exit"

  read number
  case $number in
    1)
      ls
      ;;
    2)
      pwd | sed 's|.*/||'
      ;;
    3)
      exit
      ;;
    *)
      echo "Error: Unknown Command"
      ;;
  esac

  echo
done <<'INPUT'
1
2
9
3
INPUT
