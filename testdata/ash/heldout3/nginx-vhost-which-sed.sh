#!/bin/bash
# Enable or disable a virtual host; configuration passed as environment
SED=`which sed`
HOME=$PWD
NGINX_CONFIG="$HOME/conf/sites-available"
NGINX_SITES_ENABLED="$HOME/conf/sites-enabled"
DOMAIN=shop.example.org
PORT=8080
mkdir -p "$NGINX_CONFIG" "$NGINX_SITES_ENABLED"
printf 'server { listen PORT; server_name DOMAIN; }\n' > template.conf
set -- enable
if [[ "$1" == "enable" ]]; then
    $SED -e "s/DOMAIN/$DOMAIN/g" -e "s/PORT/$PORT/g" template.conf > "$NGINX_CONFIG/$DOMAIN.conf"
    ln -sf "$NGINX_CONFIG/$DOMAIN.conf" "$NGINX_SITES_ENABLED/$DOMAIN.conf"
    echo "enabled $DOMAIN"
elif [[ "$1" == "disable" ]]; then
    rm -f "$NGINX_SITES_ENABLED/$DOMAIN.conf"
fi
cat "$NGINX_SITES_ENABLED/$DOMAIN.conf"
