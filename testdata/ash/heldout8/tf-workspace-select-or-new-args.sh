#!/bin/bash

# Stand-in: terraform knows the default workspace only.
terraform() {
	case "$1 ${2:-}" in
	"workspace select") [ "$3" = default ] && echo "Switched to workspace \"$3\"." || { echo "Workspace \"$3\" doesn't exist." >&2; return 1; } ;;
	"workspace new") echo "Created and switched to workspace \"$3\"!" ;;
	*) echo "terraform $*" ;;
	esac
}
mkdir -p infra/live
set -- infra/live staging "plan -input=false -lock-timeout=60s"

set -e
WORKDIR=$1
TF_WORKSPACE=$2
TF_ARGS=$3

cd $WORKDIR
terraform init
terraform validate
terraform workspace select $TF_WORKSPACE || terraform workspace new $TF_WORKSPACE
terraform $TF_ARGS
