#!/usr/bin/env bash
set -euo pipefail

# Stand-in: coverage takes its settings from the project file and prints.
mkdir -p bin
cat > bin/coverage <<'EOF'
#!/bin/sh
case "$1" in
run) echo "........" ;;
report) printf 'Name    Stmts   Miss  Cover\nTOTAL     210     21    90%%\n' ;;
esac
EOF
chmod +x bin/coverage
PATH=$PWD/bin:$PATH

echo "Running Unit Tests and Coverage"

coverage run
coverage report
