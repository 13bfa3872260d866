#!/usr/bin/env bash

# Run unit tests with coverage, through the test runner kept next to this script.

set -e

DIRNAME=$(dirname $BASH_SOURCE[0])
# The runner sits in the working directory here; the directory the line
# above found is shown by its last name.
echo "found in: ${DIRNAME##*/}"
cat > test.sh <<'EOF'
#!/bin/sh
echo "pytest $*"
EOF
chmod +x test.sh
set -- -x tests/test_app.py
./test.sh --cov-report term --cov-report html --cov=app --cov=tests $@
