#!/bin/bash

# Proxy switches
function unsetproxy() {
    unset {http,https,ftp}_proxy
    unset {HTTP,HTTPS,FTP}_proxy
}

function setproxy() {
    export {http,https,ftp}_proxy="http://proxy.example.lan:3128"
    export {HTTP,HTTPS,FTP}_proxy="http://proxy.example.lan:3128"
}

setproxy
env | grep -i _proxy | sort
unsetproxy
echo "left: $(env | grep -ci _proxy)"
