#!/usr/bin/env bash
: << 'COMMENT'
coverage of the unit tests: remove the old data file, run the tests whose
names end in unittest.py, print the report with the lines missed
COMMENT

set -e

# Stand-in: coverage prints what it would; a run leaves .coverage.
mkdir -p bin
cat > bin/coverage <<'EOF'
#!/bin/sh
case "$1" in
run) echo "Ran 3 tests" >&2; : > .coverage ;;
report) echo "TOTAL   120   6   95%" ;;
esac
EOF
chmod +x bin/coverage
PATH=$PWD/bin:$PATH
: > .coverage

if [ -e ./.coverage ]
then
    rm ./.coverage
fi

coverage run -m unittest discover -s . -p "*unittest.py" -v

coverage report -m
