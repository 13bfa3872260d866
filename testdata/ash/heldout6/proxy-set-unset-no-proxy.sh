#!/bin/bash

PROXY="http://corp-proxy.example.lan:3128"
NO_PROXY="localhost,127.0.0.1,.example.lan"

set_proxy() {
  export http_proxy="$PROXY"
  export https_proxy="$PROXY"
  export no_proxy="$NO_PROXY"
  export HTTP_PROXY="$PROXY"
  export HTTPS_PROXY="$PROXY"
  export NO_PROXY="$NO_PROXY"
  echo "Proxy: $PROXY has been set up ~~!"
}

unset_proxy() {
  unset http_proxy
  unset https_proxy
  unset no_proxy
  unset HTTP_PROXY
  unset HTTPS_PROXY
  unset NO_PROXY
  echo "Proxy has been unset ~~.~~"
}

unset_proxy
set_proxy
env | grep -i '_proxy=' | sort
