#!/usr/bin/env bash
set -euo pipefail
git() { echo "git $*"; }
systemctl() { echo "systemctl $*"; }
REPO_DIR="./repo"
SERVICE_NAME="nginx"
mkdir -p "$REPO_DIR" && cd "$REPO_DIR"
git pull --ff-only origin main
echo "Deploying version ${VERSION:-dev}"
systemctl restart "$SERVICE_NAME"
echo "Deployment completed"
