#!/bin/bash
level=debug
case $level in
  debug) echo "debug on" ;&
  info) echo "info on" ;;
esac
