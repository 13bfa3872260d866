#!/bin/bash
# Stand-in: terraform prints what it would do.
terraform() { echo "terraform $*"; }
set -- apply prod -auto-approve -lock=false -parallelism=4

set -e

COMMAND=$1
WORKSPACE=$2
OPTIONS=${@:3}

terraform fmt -recursive
terraform workspace select ${WORKSPACE}
terraform ${COMMAND} -var-file=.terraform/${WORKSPACE}.tfvars ${OPTIONS}
