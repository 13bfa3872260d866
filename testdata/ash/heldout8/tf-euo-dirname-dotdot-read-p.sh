#!/usr/bin/env bash
# Local helper wrapper to run Terraform safely (fmt -> init -> plan -> apply interactive)
# Usage: ./scripts/deploy.sh [workspace] [auto-approve]

# Stand-ins: terraform lists two workspaces and prints the rest; the
# script's own path is a fixed relative one; the answer comes from a
# here-document.
terraform() {
	case "$*" in
	"workspace list") printf '* default\n  staging\n' ;;
	*) echo "terraform $*" ;;
	esac
}
mkdir -p project/scripts project/terraform
self=project/scripts/deploy.sh

deploy() {
set -euo pipefail

WORKSPACE="${1:-default}"
AUTO_APPROVE="${2:-false}"

ROOT_DIR="$(cd "$(dirname "$self")/.." && pwd)"
cd "${ROOT_DIR}/terraform"

echo "Formatting Terraform files..."
terraform fmt -recursive

echo "Initializing Terraform (will use backend config)..."
terraform init -input=false

echo "Selecting workspace: ${WORKSPACE}"
if terraform workspace list | grep -q "${WORKSPACE}"; then
  terraform workspace select "${WORKSPACE}"
else
  terraform workspace new "${WORKSPACE}"
fi

echo "Validating configuration..."
terraform validate

echo "Planning..."
terraform plan -input=false -out=tfplan

if [ "${AUTO_APPROVE}" = "true" ]; then
  terraform apply -input=false -auto-approve tfplan
else
  read -r -p "Apply the plan to ${WORKSPACE}? [y/N] " answer
  case "${answer}" in
    y|Y|yes) terraform apply -input=false tfplan ;;
    *) echo "Aborted; nothing applied." ;;
  esac
fi
}

(deploy staging) <<'EOF'
y
EOF
(deploy prod false) <<'EOF'
n
EOF
