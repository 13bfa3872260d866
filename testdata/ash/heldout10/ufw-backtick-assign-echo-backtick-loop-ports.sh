#!/bin/bash
# ufw is a stand-in that keeps its rules in the working directory
mkdir -p bin
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

firewall=`ufw enable -y`
echo "$firewall"

for i  in  32767 6784 80 8080 22 10255 6783 10250 30000; do
    echo `ufw allow $i`
done

cat ufw.rules
