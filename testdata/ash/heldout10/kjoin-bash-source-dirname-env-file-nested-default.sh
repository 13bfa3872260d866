#!/usr/bin/env bash
set -euo pipefail

# Worker node (node1) one-command setup.
# Usage on node1:
#   cd ~/TopFullExt
#   # Set join command in .env, then:
#   ./setup_worker.sh
#
# Optionally hardcode here:
#   JOIN_CMD_FIXED="kubeadm join ... --token ... --discovery-token-ca-cert-hash ..."
#
# There is no .env beside the script here: the join command comes from the
# environment, as the script also allows; sudo runs its command, kubeadm,
# systemctl and swapoff are stand-ins
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
for c in kubeadm systemctl swapoff; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"
KUBEADM_JOIN_CMD="kubeadm join 10.0.0.5:6443 --token abcd.efgh --discovery-token-ca-cert-hash sha256:0f0e"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENV_FILE="${SCRIPT_DIR}/.env"

if [[ -f "${ENV_FILE}" ]]; then
  # shellcheck disable=SC1090
  source "${ENV_FILE}"
fi

JOIN_CMD_FIXED="${JOIN_CMD_FIXED:-}"
JOIN_CMD="${JOIN_CMD_FIXED:-${KUBEADM_JOIN_CMD:-}}"

if [[ -z "${JOIN_CMD}" ]]; then
  echo "Missing join command."
  echo "Set KUBEADM_JOIN_CMD in ${ENV_FILE}, or set JOIN_CMD_FIXED in setup_worker.sh."
  exit 1
fi

echo "[1/3] Disabling swap"
sudo swapoff -a

echo "[2/3] Joining the cluster"
sudo ${JOIN_CMD}

echo "[3/3] Enabling kubelet"
sudo systemctl enable --now kubelet
echo "Worker setup done."
