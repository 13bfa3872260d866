#!/bin/bash
#title         :iptables
#description   :Configure rules for iptables firewall
#usage         :./iptables <CMD>
#options       :debug
readonly VERSION='3.2.1'
#==============================================================================
INPUT=
OUTPUT=
FORWARD=
PRE_COMMANDS=
POST_COMMANDS=
IS_ROUTER=0
IS_SERVER=1
DEBUG=0

iptables() { [ "$DEBUG" -eq 1 ] && echo "[debug] iptables $*"; echo "iptables $*" >> applied.rules; }

_parse_rules() {
  local chain=$1; shift
  local rule
  for rule in "$@"; do
    case $rule in
      *:tcp) iptables -A $chain -p tcp --dport ${rule%%:*} -j ACCEPT ;;
      *:udp) iptables -A $chain -p udp --dport ${rule%%:*} -j ACCEPT ;;
      *) echo "bad rule '$rule'" >&2; return 1 ;;
    esac
  done
}

INPUT="22:tcp 80:tcp 443:tcp 53:udp"
OUTPUT="53:udp 123:udp"
case ${1:-start} in
  start)
    _parse_rules INPUT $INPUT || exit 1
    _parse_rules OUTPUT $OUTPUT || exit 1
    [[ $IS_ROUTER -eq 1 ]] && _parse_rules FORWARD $FORWARD
    echo "version $VERSION: $(wc -l < applied.rules) rules applied"
    ;;
  help) echo "usage: $0 start|stop|help" ;;
esac
