#!/usr/bin/env bash
# worker.sh -- prepare a worker node and join to the control plane
set -euo pipefail
IFS=$'\n\t'

# The shared functions are installed in usr/local/bin below the working
# directory (there is none beside the script); kubeadm, swapoff and
# systemctl are stand-ins; the arguments are given with set --
mkdir -p bin usr/local/bin
cat > usr/local/bin/common.sh <<'EOF'
log() { echo "[worker] $*"; }
EOF
for c in kubeadm swapoff systemctl; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- --token abcd.efgh --master-ip 10.0.0.5:6443 --discovery-hash sha256:0f0e

SCRIPTDIR="$(dirname "$0")"
source "$SCRIPTDIR/common.sh" || source "usr/local/bin/common.sh"

JOIN_CMD=""

usage() {
  cat <<EOF
Usage:
  sudo ./worker.sh --join "<kubeadm join ...>"
  OR
  sudo ./worker.sh --token <token> --master-ip <ip:6443> --discovery-hash sha256:<hash>

Examples:
  sudo ./worker.sh --join "kubeadm join 10.0.0.5:6443 --token abcd.efgh --discovery-token-ca-cert-hash sha256:xxx"
EOF
  exit 1
}

# Parse args
while [ $# -gt 0 ]; do
  case "$1" in
    --join) JOIN_CMD="$2"; shift 2;;
    --token) TOKEN="$2"; shift 2;;
    --master-ip) MASTER_IP="$2"; shift 2;;
    --discovery-hash) DISCOVERY_HASH="$2"; shift 2;;
    -h|--help) usage;;
    *) echo "Unknown argument: $1"; usage;;
  esac
done

if [ -z "$JOIN_CMD" ]; then
  if [ -z "${TOKEN:-}" ] || [ -z "${MASTER_IP:-}" ] || [ -z "${DISCOVERY_HASH:-}" ]; then
    usage
  fi
  JOIN_CMD="kubeadm join $MASTER_IP --token $TOKEN --discovery-token-ca-cert-hash $DISCOVERY_HASH"
fi

log "disabling swap"
swapoff -a
log "joining with: $JOIN_CMD"
eval "$JOIN_CMD"
systemctl enable kubelet
log "done"
