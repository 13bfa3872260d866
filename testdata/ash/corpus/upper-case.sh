#!/bin/sh
env=staging
echo "deploying to ${env^^}"
