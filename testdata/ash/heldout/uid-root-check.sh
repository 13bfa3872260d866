#!/bin/bash
if [ "$EUID" -ne 0 ]; then
  echo "please run as root"
  exit 1
fi
echo "root ok"
