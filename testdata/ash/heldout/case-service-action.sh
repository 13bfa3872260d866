#!/bin/sh
action=restart
case "$action" in
  start|restart) echo "starting" ;;
  stop) echo "stopping" ;;
  *) echo "unknown"; exit 1 ;;
esac
