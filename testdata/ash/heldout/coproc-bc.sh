#!/bin/bash
coproc CAT { cat; }
echo hello >&"${CAT[1]}"
read -r reply <&"${CAT[0]}"
echo "got $reply"
