#!/usr/bin/env bash
# install coverage, run the discovered tests under it, write the HTML report

# Stand-ins: pip and coverage print what they would do; a run leaves .coverage.
mkdir -p bin tests
cat > bin/pip <<'EOF'
#!/bin/sh
echo "Requirement already satisfied: $2"
EOF
cat > bin/coverage <<'EOF'
#!/bin/sh
case "$1" in
run) echo "test_orbit (tests.test_orbit) ... ok" >&2; : > .coverage ;;
html) mkdir -p htmlcov; echo "Wrote HTML report to htmlcov/index.html" ;;
esac
EOF
chmod +x bin/*
PATH=$PWD/bin:$PATH

pip install coverage
coverage run -m unittest discover -v -s tests
coverage html
rm .coverage
ls
