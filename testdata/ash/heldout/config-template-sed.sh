#!/bin/bash
PORT=8080
HOST=app.local
cat > app.conf.tmpl <<'EOF'
listen {{PORT}};
server_name {{HOST}};
EOF
sed -e "s/{{PORT}}/$PORT/" -e "s/{{HOST}}/$HOST/" app.conf.tmpl > app.conf
cat app.conf
