#!/bin/bash
declare -r CONFIG=/etc/app.conf
echo "config at $CONFIG"
