#!/bin/bash
set -- deploy web1 web2 web3
cmd=$1
hosts="${@:2}"
echo "$cmd on $hosts"
