#!/bin/bash
set -e
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
PROJECT_ROOT="./project"
git() { echo "git $*"; }
mkdir -p "$PROJECT_ROOT"
printf 'y' > answer
exec < answer
echo "=== Deploy Latest Code ==="
read -p "Continue? (y/N) " -n 1 -r
echo
if [[ ! $REPLY =~ ^[Yy]$ ]]; then
    echo "aborted"
    exit 1
fi
echo "Step 1: Pulling latest code..."
cd "$PROJECT_ROOT"
git pull
echo "Deployment complete from ${SCRIPT_DIR##*/}" | sed 's/from .*/from script dir/'
