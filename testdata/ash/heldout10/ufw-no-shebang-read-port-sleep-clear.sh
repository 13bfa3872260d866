# sudo runs its command; ufw is a stand-in that keeps its rules in the
# working directory; the port a person would type comes from a
# here-document; the sleep is shortened
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
cat > bin/ufw <<'EOF'
#!/bin/sh
# ufw: keeps its rules in ufw.rules in the working directory
case $1 in
  enable|--force) echo "Firewall is active and enabled on system startup" ;;
  allow|limit|deny) echo "$*" >> ufw.rules; echo "Rules updated" ;;
  default) echo "Default $3 policy changed to '$2'" ;;
  status) echo "Status: active"; sed "s/^/  /" ufw.rules 2>/dev/null ;;
  *) echo "ufw $*" ;;
esac
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
exec <<'IN'
8443
IN

echo ------------------------
echo setup firewall
echo ------------------------
sudo ufw allow ssh
echo port 22 SSH added
sudo ufw allow 1025
echo port 1025 new SSH added
sudo ufw allow 80/tcp
echo port 80 web added
sudo ufw allow 443/tcp
echo port 443 SSL added
echo Please, enter extra port
read port
sudo ufw allow $port
echo $port added!
sudo ufw enable -y
echo ------------------------
echo setup firewall done!
echo ------------------------
sleep 0.1
clear
