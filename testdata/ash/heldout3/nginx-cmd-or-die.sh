#!/bin/bash
mkdir -p lib conf etc-nginx
printf 'cmd_or_die() { eval "$1" || { echo "failed: $1" >&2; exit 1; }; }\n' > lib/utils.sh
. ./lib/utils.sh
sudo() { "$@"; }
echo "server {}" > conf/site.conf
NGINX_SOURCE_CONFPATH=./conf/site.conf
NGINX_TARGET_CONFPATH=./etc-nginx/site.conf
# Add site to nginx enabled sites
echo "Create link to nginx conf: $NGINX_TARGET_CONFPATH"
cmd_or_die "sudo ln -sf ../conf/site.conf $NGINX_TARGET_CONFPATH"
# Reload nginx
if [ -f ./etc-init.d/nginx ]; then
    cmd_or_die "sudo ./etc-init.d/nginx reload"
fi
readlink $NGINX_TARGET_CONFPATH
