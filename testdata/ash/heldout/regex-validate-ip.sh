#!/bin/bash
ip=192.168.1.20
if [[ $ip =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]]; then
  echo "valid, first octet ${BASH_REMATCH[1]}"
fi
