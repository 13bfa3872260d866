#!/bin/bash
env_name=staging
ENV_UPPER=${env_name^^}
echo "DEPLOY_${ENV_UPPER}=1"
