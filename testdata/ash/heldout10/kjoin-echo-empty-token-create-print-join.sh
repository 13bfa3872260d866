#!/bin/bash
# kubeadm is a stand-in that prints a join command
mkdir -p bin
cat > bin/kubeadm <<'EOF'
#!/bin/sh
[ "$1 $2 $3" = "token create --print-join-command" ] || exit 1
echo "kubeadm join 10.1.0.10:6443 --token 9vr73a.a8uxyaju799qwdjv --discovery-token-ca-cert-hash sha256:7c2e69131a36ae2a042a339b33381c6d0d43887e2de83720eff5359e26aec866"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

echo "=== Kubernetes Join Command ==="
echo "Run the following command on your worker node to join the cluster:"
echo ""
kubeadm token create --print-join-command
echo ""
echo "==============================="
