#!/bin/bash

# a progress bar for one step of a longer job: progress.sh CURRENT TOTAL
set -- 7 12

let _progress=(${1}*100/${2}*100)/100
let _done=(${_progress}*3)/10
let _left=30-$_done

_fill=$(printf "%${_done}s")
_empty=$(printf "%${_left}s")

printf "\r└ progress: |${_fill// /▇}${_empty// /-}| ${_progress}%% ($1 of $2)"
echo
