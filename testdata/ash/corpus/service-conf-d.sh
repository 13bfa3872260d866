#!/bin/sh
conf=./conf.d/myapp
mkdir -p ./conf.d
cat > "$conf" <<'EOF'
MYAPP_OPTS="--port 8080"
MYAPP_USER=myapp
EOF
. "$conf"
echo "user=$MYAPP_USER opts=$MYAPP_OPTS"
