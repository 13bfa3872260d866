#!/bin/bash
cat > deploy.ini <<'INI'
[general]
name = website
user= deploy ; the remote user

[paths]
root =/srv/www
logs = /var/log/www
INI

##
# Simple ini file parser.
##
function ParseIni()
{
    local -- iniFile="${1}"
    local -- iniSection="${2}"

    eval `sed -e 's/[[:space:]]*\=[[:space:]]*/=/g' \
    -e 's/;.*$//' \
    -e 's/[[:space:]]*$//' \
    -e 's/^[[:space:]]*//' \
    -e "s/^\(.*\)=\([^\"']*\)$/\1=\"\2\"/" \
    < ${iniFile} \
    | sed -n -e "/^\[${iniSection}\]/,/^\s*\[/{/^[^;].*\=.*/p;}"`
}

ParseIni deploy.ini general
echo "name=$name user=$user"
ParseIni deploy.ini paths
echo "root=$root logs=$logs"
