#!/bin/bash
openvpn3() { echo "openvpn3 $*"; }
set -- -c disconnect

VPN="student.ovpn"

while getopts c: flag
do
  case "${flag}" in
    c) connect=${OPTARG};;
  esac
done

connect="${connect:0:1}"


if [[ $connect = c ]]; then
  openvpn3 session-start --config $VPN;
elif [[ $connect = d ]]; then
  openvpn3 session-manage --disconnect --config $VPN;
else
  echo "not specified connect or disconnect";
fi

