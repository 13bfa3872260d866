#!/bin/sh
PROXY_HTTP=http://10.0.0.2:8118
default() {
    export http_proxy="${PROXY_HTTP}"
    export HTTP_PROXY="${PROXY_HTTP}"

    export https_proxy="${PROXY_HTTP}"
    export HTTPS_proxy="${PROXY_HTTP}"
}
default

set_proxy() {
    default
    echo "set proxy to $PROXY_HTTP"
}
unset_proxy() {
    unset http_proxy
    unset HTTP_PROXY
    unset https_proxy
    unset HTTPS_PROXY

    echo "unset proxy"
}

set_proxy
env | grep -i '^https*_proxy=' | sort
unset_proxy
env | grep -i '^https*_proxy=' | sort
