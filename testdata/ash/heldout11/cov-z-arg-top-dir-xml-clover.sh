#!/bin/bash
# unit test coverage for a lambda project: report, xml, html and a clover file

# Stand-ins: coverage and coverage2clover print what they would write.
mkdir -p bin tests/unit target/unit
cat > bin/coverage <<'EOF'
#!/bin/sh
echo "coverage $*"
EOF
cat > bin/coverage2clover <<'EOF'
#!/bin/sh
echo "clover: $2 -> $4"
EOF
chmod +x bin/*
PATH=$PWD/bin:$PATH

for args in "" "./"; do
set -- $args
if [ -z "$1" ]; then
  coverage run -m unittest discover -s ./tests/unit -t ./
else
  coverage run -m unittest discover -s ./tests/unit -t $1
fi
coverage report
coverage xml
coverage html
coverage2clover -i ./target/unit/report.xml -o ./target/unit/clover.xml
echo 'results generated in ./target/unit/coverage_html/'
done
