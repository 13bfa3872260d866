#!/bin/bash

# Stand-in: yarn test passes four times, then fails (a counter in a file).
mkdir -p stand scripts
cat > stand/yarn <<'EOF'
#!/bin/sh
n=$(cat yarn.count 2>/dev/null || echo 0); echo $((n + 1)) > yarn.count
echo "yarn $*"
[ "$n" -lt 4 ] || { echo "expected 2 blocks, got 1" >&2; exit 1; }
EOF
chmod +x stand/yarn
PATH=$PWD/stand:$PATH
set -- e2e_token_contract

testname=$1
# The log goes next to this script, here scripts/ in the working directory.
script_dir=$(dirname "scripts/deflaker.sh")

for i in {1..100}
do
  echo "Run #$i"
  if ! yarn test $1 > $script_dir/deflaker.log 2>&1; then
    echo "failed"
    cat $script_dir/deflaker.log
    exit 1
  fi
done
echo "success"
