# redis backup, run from its own directory
# Stand-ins: redis-cli answers BGSAVE and CONFIG GET; the script's own
# directory is a fixed relative path.
mkdir -p bin data/redis ops/dump/redis
cat > bin/redis-cli <<'EOF'
#!/bin/sh
case "$1" in
bgsave) echo "Background saving started" ;;
CONFIG) printf 'dir\ndata/redis\n' ;;
esac
EOF
chmod +x bin/redis-cli
PATH="$PWD/bin:$PATH"
echo 'REDIS0009' > data/redis/dump.rdb
self=ops/redis_backup.sh
top=$PWD

cwd=$(cd `dirname $self`;pwd)
cd $cwd
redis-cli bgsave

sleep 1s # give the dump a moment to finish

dir=`cd "$top"; redis-cli CONFIG GET dir | grep -v dir`
cp $top/$dir/dump.rdb $cwd/dump/redis/
ls dump/redis

# to restore: stop redis, copy dump.rdb back, start redis
