#!/usr/bin/env bash

# Stand-in: helm prints what it would do.
helm() { echo "helm $*"; }
set -- --set replicas=2

HELM_DEPLOYMENT_NAME=<<< name >>>

helm upgrade --install ${HELM_DEPLOYMENT_NAME} ../../../helm-chart -f values.yaml "$@"
