#!/bin/bash
mkdir -p bin
cat > bin/kubectl <<'STUB'
#!/bin/sh
echo "kubectl $*"
STUB
chmod +x bin/kubectl
export PATH="$PWD/bin:$PATH"

kubectl create namespace nginx
kubectl apply -f ./bootstrap/apps/manifests/nginx-example --recursive
kubectl rollout status deployment nginx -n nginx
