#!/usr/bin/env bash -e -o pipefail
#
# versions.sh
# Usage example: ./versions.sh "1.4.15" "1.7.0"
set -- "1.4.15" "1.7.0"

function compare_versions() {
    if [ "$1" = "$2" ]; then
        return 0
    fi

    local IFS=.
    local i LHS=($1) RHS=($2)

    for ((i=${#LHS[@]}; i<${#RHS[@]}; i++)); do
        LHS[i]=0
    done

    for ((i=0; i<${#LHS[@]}; i++)); do
        if [ -z "${RHS[i]}" ]; then
            RHS[i]=0
        fi

        if ((10#${LHS[i]} > 10#${RHS[i]})); then
            return 1
        elif ((10#${LHS[i]} < 10#${RHS[i]})); then
            return 2
        fi
    done

    return 0
}

compare_versions "$1" "$2"
case $? in
    0) echo "$1 == $2" ;;
    1) echo "$1 > $2" ;;
    2) echo "$1 < $2" ;;
esac
