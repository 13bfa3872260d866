#!/bin/sh

mkdir -p bin
cat > bin/uci <<'STUB'
#!/bin/sh
[ "$1" = -q ] && shift
[ "$1" = batch ] || exit 1
while read -r cmd rest; do
  [ -n "$cmd" ] && echo "uci: $cmd $rest"
done
STUB
chmod +x bin/uci
PATH=$PWD/bin:$PATH

uci -q batch << EOI
    set system.@system[0].hostname='router'
    set system.@system[0].zonename='Asia/Shanghai'
    set system.@system[0].timezone='CST-8'

    commit system
EOI
