#!/bin/bash
# Reset the firewall, open the service ports and save the rules.
mkdir -p bin etc/sysconfig
printf '#!/bin/sh\necho "iptables $*" >> rules.log\n' > bin/iptables
printf '#!/bin/sh\ncat rules.log\n' > bin/iptables-save
printf '#!/bin/sh\necho "systemctl $*"\n' > bin/systemctl
chmod +x bin/*
PATH="$PWD/bin:$PATH"
iptables -F
iptables -X
iptables -t nat -F
iptables -t nat -X
iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -s 192.168.2.0/24 -j ACCEPT
iptables -A INPUT -s 192.168.3.0/24 -j ACCEPT
iptables -A INPUT -p tcp --dport 80 -j ACCEPT
iptables -A INPUT -p tcp --dport 25 -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --dport 20 -j ACCEPT					iptables -A INPUT -p tcp --dport 21 -j ACCEPT	
iptables -A INPUT -p tcp --dport 50000:60000 -j ACCEPT	
systemctl restart iptables
iptables-save > etc/sysconfig/iptables
systemc	enable iptables
wc -l < etc/sysconfig/iptables
