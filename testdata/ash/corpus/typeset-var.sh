#!/bin/sh
typeset -r CONF=./app.conf
echo "conf: $CONF"
