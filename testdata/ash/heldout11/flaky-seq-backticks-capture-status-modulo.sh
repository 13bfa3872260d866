# Stand-in: cargo test fails on runs 7 and 13 (a counter in a file). The
# loop runs twenty times here, not a thousand.
mkdir -p stand
cat > stand/cargo <<'EOF'
#!/bin/sh
n=$(cat cargo.count 2>/dev/null || echo 0); n=$((n + 1)); echo $n > cargo.count
case $n in
7|13) echo "test sync::tests::race ... FAILED"; exit 101 ;;
*) echo "test result: ok. 9 passed" ;;
esac
EOF
chmod +x stand/cargo
PATH=$PWD/stand:$PATH

for i in `seq 1 20`; do
    out=$(cargo test 2>&1)
    if [ $? != 0 ]; then
        echo "wah, tests are flaky"
        echo "$out"
    fi
    if [ $(($i % 5)) = 0 ]; then
        echo $i
    fi
done
