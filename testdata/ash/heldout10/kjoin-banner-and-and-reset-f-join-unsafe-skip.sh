#!/bin/bash
# systemctl and kubeadm are stand-ins that print what they would do
mkdir -p bin
for c in systemctl kubeadm; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

echo "#######################################################################################################"
echo "kubeadm join in the k8s worker node"
echo "#######################################################################################################"

systemctl daemon-reload && systemctl start kubelet
kubeadm reset -f
kubeadm join 192.168.0.64:6443 --token abcdef.0123456789abcdef --discovery-token-unsafe-skip-ca-verification

