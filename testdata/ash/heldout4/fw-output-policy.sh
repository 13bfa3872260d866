#!/bin/bash
# ========================================
# [] File Name : rules.sh
# Lock outgoing traffic down to the contest server and the local judge.
# ========================================
iptables() { echo "iptables $*" >> rules.txt; }
iptables -F
iptables -P OUTPUT DROP
iptables -A OUTPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
iptables -A OUTPUT -p tcp -d 192.168.128.0/24 --dport 80 -j ACCEPT
iptables -A OUTPUT -p tcp -d 127.0.0.0/8 --dport 33494 -j ACCEPT
cp rules.txt iptables.rules
grep -c OUTPUT iptables.rules
