#!/usr/bin/env bash

function retry () {
  $* || (sleep 1 && $*) || (sleep 2 && $*) || (sleep 4 && $*) || (sleep 8 && $*)
}

flaky() { c=$(cat count 2>/dev/null || echo 0); echo $((c+1)) > count; [ "$c" -ge 1 ]; }
retry flaky
echo "status $? after $(cat count) calls"
