#!/bin/bash
printf 'namespace_name=kubedemo\napplication_name=myvertx\n' > setup.config
kubectl() { echo "kubectl $*"; }
source setup.config
kubectl --namespace=${namespace_name} rollout status deployment/${application_name}

# kubectl --namespace=kubedemo rollout undo deployment/myvertx
# kubectl --namespace=kubedemo rollout undo deployment/myvertx --to-revision=2
