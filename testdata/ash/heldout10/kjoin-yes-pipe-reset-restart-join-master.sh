#!/usr/bin/env bash

# systemctl and kubeadm are stand-ins; kubeadm reset asks for a yes
mkdir -p bin
printf '#!/bin/sh\necho "systemctl $*"\n' > bin/systemctl
cat > bin/kubeadm <<'EOF'
#!/bin/sh
if [ "$1" = reset ]; then
  printf '[reset] Are you sure you want to proceed? [y/N]: '
  read -r answer
  echo "$answer"
  [ "$answer" = y ] && echo "[reset] Stopping the kubelet service"
  exit 0
fi
echo "kubeadm $*"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

systemctl daemon-reload
systemctl restart kubelet

echo "Reset kubeadm"
yes | kubeadm reset

echo "Join kubernetes cluster"
kubeadm join master:6443 --token abcdef.0123456789abcdef --discovery-token-unsafe-skip-ca-verification
