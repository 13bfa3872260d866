#!/bin/bash

function spin() {
    sp='/-\|'
    printf ' '
    while true; do
        printf '\b%.1s' "$sp"
        sp=${sp#?}${sp%???}
        sleep 0.05
    done
}

function progressbar() {
    bar="##################################################"
    barlength=${#bar}
    n=$(($1*barlength/100))
    printf "\r[%-${barlength}s (%d%%)] " "${bar:0:n}" "$1" 
}

spin > spinner.out &
pid=$!

#your task here

for i in `seq 1 25`;
do
    progressbar $((i * 4))
    sleep 0.01
done

# kill the spinner task
kill $pid > /dev/null 2>&1 \n
echo
