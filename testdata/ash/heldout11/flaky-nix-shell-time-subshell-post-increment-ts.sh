#! /usr/bin/env nix-shell
#! nix-shell -i bash -p coreutils expect moreutils

######################################################################
#
# Finds flaky tests by running them repeatedly until failure.
#
######################################################################

# Stand-ins: unbuffer runs the command; ts puts a fixed time before each
# line; the test fails on its third run (a counter in a file). The
# endless loop stops after five rounds here.
mkdir -p stand
cat > stand/unbuffer <<'EOF'
#!/bin/sh
exec "$@"
EOF
cat > stand/ts <<'EOF'
#!/bin/sh
while IFS= read -r line; do echo "[2024-05-01 12:00:00] $line"; done
EOF
cat > stand/flaky-test <<'EOF'
#!/bin/sh
n=$(cat flaky.count 2>/dev/null || echo 0); echo $((n + 1)) > flaky.count
if [ "$n" -lt 2 ]; then echo "ok 1 - connects"; else echo "not ok 1 - connects"; exit 1; fi
EOF
chmod +x stand/*
PATH=$PWD/stand:$PATH
set -- flaky-test --verbose

if [ -z "$1" ]; then
  echo "usage: $0 PROGRAM [ARGS...]"
  exit 1
fi

set -euo pipefail

x=1

time ( while true; do
  [ $x -le 5 ] || exit 1
  echo "*** fluke run $((x++))"
  unbuffer "$@" 2>&1 | ts '[%Y-%m-%d %H:%M:%S]'
  echo -e "\033[0m"
done )
