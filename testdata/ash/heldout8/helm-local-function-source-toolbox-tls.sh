#!/usr/bin/env bash

# Stand-ins: helm (Helm 2, with --tls) knows one installed release; the
# project's toolbox is a fixture, and its echo-blue command a small
# script on PATH.
helm() {
	case "$1" in
	list) echo "cache   1   DEPLOYED  redis-10.5.6  infra" ;;
	*) echo "helm $*" ;;
	esac
}
mkdir -p toolbox bin
cat > bin/echo-blue <<'EOF'
#!/bin/sh
printf '\033[34m%s\033[0m\n' "$*"
EOF
chmod +x bin/echo-blue
PATH="$PWD/bin:$PATH"
cat > toolbox/others.sh <<'EOF'
replace_env_vars() {
  sed -i "s|\${DOMAIN}|$DOMAIN|g" "$1"
}
EOF
printf 'ingress:\n  host: cache.${DOMAIN}\n' > values.yaml
export DOMAIN=example.invalid

install_chart() {

  # Install or update helm chart

  set -e

  local CHART="$1"
  local NAME="$2"
  local NAMESPACE="$3"
  local VALUES="$4"
  local VERSION="$5"

  # Import functions
  . toolbox/others.sh

  # Replace envars in provided values file
  replace_env_vars "$VALUES"

  # Upgrade chart if already installed or just install it
  if helm list --tls | grep -q "$NAME"; then
    echo-blue "Upgrading $CHART"
    helm upgrade "$NAME" "$CHART" \
      --values "$VALUES" \
      --version "$VERSION" \
      --wait \
      --tls
  else
    echo-blue "Installing chart $CHART..."
    helm install "$CHART" \
      --name "$NAME" \
      --namespace "$NAMESPACE" \
      --values "$VALUES" \
      --version "$VERSION" \
      --wait \
      --tls
  fi
}

install_chart stable/redis cache infra values.yaml 10.5.7
install_chart stable/mongodb documents infra values.yaml 7.8.10
cat values.yaml
