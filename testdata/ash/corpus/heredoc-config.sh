#!/bin/sh
port=8080
mkdir -p ./etc/nginx
cat > ./etc/nginx/site.conf <<EOF
server {
    listen $port;
    root /srv/www;
}
EOF
grep -c listen ./etc/nginx/site.conf
cat <<'EOF'
literal $port
EOF
