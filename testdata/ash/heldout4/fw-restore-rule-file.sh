#!/bin/bash
# Open every chain, clear the counters and load the saved rule file.
mkdir -p bin etc/iptables
cat > bin/iptables <<'STUB'
#!/bin/sh
echo "iptables $*"
STUB
cat > bin/iptables-restore <<'STUB'
#!/bin/sh
n=0
while read -r line; do n=$((n+1)); done
echo "restored $n lines"
STUB
chmod 755 bin/iptables bin/iptables-restore
export PATH=$PWD/bin:$PATH
printf '*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\n' > etc/iptables/iptables.rule
iptables -P INPUT ACCEPT
iptables -P OUTPUT ACCEPT
iptables -P FORWARD ACCEPT
iptables -F
iptables -X
iptables -Z
iptables-restore < etc/iptables/iptables.rule
