#!/usr/bin/bash
set -eux

# hostname, kubeadm and systemctl are stand-ins; sudo runs its command;
# the join command terraform left in /tmp is in the working directory
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho worker-1\n' > bin/hostname
for c in kubeadm systemctl; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"
echo 'kubeadm join 10.0.1.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:1234' > kubeadm_join

echo "Join node $(hostname) to Cluster"
sudo bash kubeadm_join
sudo systemctl enable kubelet
