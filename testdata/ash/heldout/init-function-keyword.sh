#!/bin/bash
COMMAND=status
function procname() {
  basename -- "$0" | sed 's/[.][^.]*$//g'
}
function isstarted() {
  [ "DOWN" != "$PID" ]
}
PID=DOWN
case $COMMAND in
  status) printf "%d : %-25s %s\n" "1" "`procname`" "$PID" ;;
esac
isstarted || echo "not started"
