#¡/bin/bash

# Fixtures: coverage data to restore before each attempt; the test command
# fails on its first two runs (a counter in a file). The loop stops after
# five rounds at most.
mkdir -p coverage
echo "lines 80%" > coverage/summary.txt
set -- features/login.feature 'c=$(cat tries 2>/dev/null || echo 0); echo $((c + 1)) > tries; echo "attempt in test: $c"; [ "$c" -ge 2 ]'

MAX_LOOP=${TRIES:-3}
n=0
export TEST_RUN="$1"
tar cvf coverage.tar ./coverage
rounds=0
until [ $n -ge $MAX_LOOP ]
 do
    # bounded here: at most five rounds
    rounds=$((rounds + 1)); [ $rounds -le 5 ] || break
    echo "Attempt $n"
    bash -c "$2" && break  # substitute your command here
    n=$[$n+1]
    rm -rf ./coverage
    tar xvfp coverage.tar
done
if [ $n -eq $MAX_LOOP ] ;  then
 exit 1
fi
exit 0
