#!/bin/sh

# Stand-ins: terraform prints what it would do and what it was given; the
# variable files and template directory are fixtures given by the caller.
terraform() { echo "terraform $*"; [ "$1" = plan ] && ls; }
mkdir -p vars template/modules
echo 'region = "eu"' > vars/default.tfvars
echo 'name = "shop"' > vars/project.tfvars
echo 'terraform {}' > template/backend.tf
echo 'module "x" {}' > template/main.tf
echo 'output "y" {}' > template/modules/out.tf
DEFAULT_VARS=$PWD/vars/default.tfvars
PROJECT_VARS=$PWD/vars/project.tfvars
TEMPLATE_DIR=$PWD/template

terraform version

mkdir -p terraform-workspace

cd terraform-workspace

cp $DEFAULT_VARS .
cp $PROJECT_VARS .
cp -r $TEMPLATE_DIR/* .

ls 

terraform init
terraform plan
