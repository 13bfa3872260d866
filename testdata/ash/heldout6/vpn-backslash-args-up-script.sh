#!/bin/bash
openvpn() { for a; do printf '<%s> ' "$a"; done; echo; }
mkdir -p etc/openvpn
: > ovpn.conf
set -- 3600 10 60 1080


cd etc/openvpn
openvpn\
    --config ../../ovpn.conf\
    --script-security 2\
    --inactive $1 --ping $2 --ping-exit $3\
    --up "/usr/local/bin/after-vpn-start.sh $4"
