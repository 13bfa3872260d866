#!/bin/sh
# Watches the CPU temperature for monit.
# Argument: the highest temperature allowed
sysctl() { echo "71.0C"; }
set -- 65
set -eu
# Intel: dev.cpu.0.temperature
# AMD: dev.amdtemp.0.core0.sensor0
TEMP=`sysctl -n dev.amdtemp.0.core0.sensor0`
TEMP=${TEMP%.*C}
[ ${TEMP} -ge $1 ] && return ${TEMP} || return 0
