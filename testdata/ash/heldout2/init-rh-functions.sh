#!/bin/sh
# after a Fedora SysV init template: a function library, rh_status_q, $1 dispatch
printf 'status() { [ -f "$2" ] && echo "$3 is running" && return 0; echo "$3 is stopped"; return 3; }\n' > functions
. ./functions
exec="./bin/daemon"
prog="demo"
config="./demo.conf"
pidfile=./run/${prog}.pid
lockfile=./lock/$prog
mkdir -p bin run lock
printf '#!/bin/sh\necho 4242\n' > "$exec"; chmod +x "$exec"; : > "$config"
start() {
    [ -x $exec ] || return 5
    [ -f $config ] || return 6
    echo -n "Starting $prog: "
    $exec > $pidfile
    retval=$?
    echo
    [ $retval -eq 0 ] && touch $lockfile
    return $retval
}
stop() {
    echo -n "Stopping $prog: "
    retval=0
    echo
    [ $retval -eq 0 ] && rm -f $lockfile $pidfile
    return $retval
}
rh_status() { status -p $pidfile $prog; }
rh_status_q() { rh_status >/dev/null 2>&1; }
for a in start start status stop status; do
  case "$a" in
    start) rh_status_q && { echo "already running"; continue; }; $a ;;
    stop) rh_status_q || continue; $a ;;
    status) rh_status ;;
  esac
done
echo "rc=$?"
