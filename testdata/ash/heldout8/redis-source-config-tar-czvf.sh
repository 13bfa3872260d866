#!/bin/bash

# Stand-ins: redis-cli answers a SAVE; the data directory is a fixture.
mkdir -p bin var/lib/redis
cat > bin/redis-cli <<'EOF'
#!/bin/sh
read cmd
echo "redis-cli $1 (password given): $cmd -> OK"
EOF
chmod +x bin/redis-cli
PATH="$PWD/bin:$PATH"
printf 'REDIS0009 snapshot\n' > var/lib/redis/dump.rdb
cat > config.sh <<'EOF'
user=deploy
pass=s3cret-placeholder
EOF

source config.sh

echo save | redis-cli -a $pass

mkdir -p home/$user/redis-bkp
tar czvf home/$user/redis-bkp/dump.tgz -C var/lib/redis dump.rdb
tar tzf home/$user/redis-bkp/dump.tgz
