#! /bin/bash

# Fixtures: the test directory, one test failing.
mkt() { printf "#!/bin/sh\necho \"%s\"\nexit %s\n" "$2" "$3" > "$1"; chmod +x "$1"; }
mkdir -p tests
mkt tests/test_parse "parse ok" 0
mkt tests/test_render "render: 2 diffs" 1
mkt tests/test_write "write ok" 0

# The tests sit next to this script, here tests/ in the working directory.
TESTDIR=`dirname ./tests/run_all.sh`

COUNTFAIL=0

# Run all the test scripts in the test directory

for TESTSCRIPT in $TESTDIR/test_*
do

    $TESTSCRIPT

    # Check the results

    if [ $? -ne 0 ]
    then

        COUNTFAIL=$((COUNTFAIL + 1))
        echo "FAILED: $TESTSCRIPT"

    else

        echo "PASSED: $TESTSCRIPT"

    fi

done

echo "Finishing test with number of errors: $COUNTFAIL"

exit $COUNTFAIL
