#!/bin/bash -
set -o nounset
set -- -i -q -x -b
while getopts ":ibq?" argv
do
    case $argv in
        "i")   echo "Function for -i"
            ;;
        "b")   echo "Function for -b"
            ;;
        "q")   echo "Function for -q"
            ;;
        "?") echo "Function for help"
            ;;
        *)   echo "An unexpected parsing error occurred."
             exit 2
            ;;
    esac
done
exit 0
