#!/bin/bash
dir="~"
from="${HOSTNAME} Server Check <server@${HOSTNAME}>"
to="${HOSTNAME}_server@example.com"
fs="/dev/root"
cpuLevel=75
set -- -fs /dev/sda1 -x
if [ $# -gt 0 ]; then
  while [ $# -gt 0 ]
  do
    case "${1}" in
      -fs)
        fs="${2}"; shift;;
    esac
    shift
  done
fi
echo "filesystem: $fs, dir: $dir"
case $to in _server*) echo "no host name in address";; *) echo "address has host name";; esac
function cpu_check {
    load=$(awk '{print $1}' /proc/loadavg)
    if [ "${load%%.*}" -ge "$cpuLevel" ]; then echo "cpu high"; else echo "cpu ok"; fi
}
cpu_check
