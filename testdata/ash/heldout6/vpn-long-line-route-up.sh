#! /bin/sh
openvpn() { echo "openvpn with $# arguments"; printf '%s\n' "$@" | grep -c '^--'; }
openvpn --config etc/openvpn/client/client.conf --ca etc/openvpn/client/ca.crt --tls-auth etc/openvpn/client/ta.key --auth-user-pass etc/openvpn/client/auth.txt --script-security 2 --route-up "/bin/sh etc/openvpn/vpn-up.sh" --down "/bin/sh etc/openvpn/vpn-down.sh" --verb 4
