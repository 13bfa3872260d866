#!/usr/bin/env bash

# the clock is a stand-in on PATH: a second passes every two date +%s
mkdir -p bin
cat > bin/date <<'SH'
#!/bin/sh
if [ "$1" = +%s ]; then
  n=$(cat clock 2>/dev/null || echo 0)
  echo $((n + 1)) > clock
  echo $((1700000000 + (n + 1) / 2 * 1))
else
  exec /bin/date "$@"
fi
SH
chmod +x bin/date
PATH="$PWD/bin:$PATH"

countdown() {
    declare desc="A simple countdown. Source: https://superuser.com/a/611582"
    local seconds="${1}"
    local d=$(($(date +%s) + "${seconds}"))
    while [ "$d" -ge `date +%s` ]; do
        echo -ne "$(date -u --date @$(($d - `date +%s`)) +%H:%M:%S)\r";
        sleep 0.1
    done
}

countdown 3
echo
