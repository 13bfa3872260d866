#!/usr/bin/env bash
# Minimal example pre-commit hook: run linters on staged files
set -euo pipefail
git() { printf 'a.py\nb.sh\nc.md\nd.ts\n'; }
STAGED=$(git diff --cached --name-only --diff-filter=ACM | grep -E '\.(py|js|ts|sh)$' || true)
if [ -z "$STAGED" ]; then
  exit 0
fi
echo "Running quick linters on staged files..."
for f in $STAGED; do
  case "$f" in
    *.py)
      command -v black-xyz >/dev/null && black-xyz --check "$f" || true
      echo "python: $f"
      ;;
    *.sh)
      command -v shellcheck-xyz >/dev/null && shellcheck-xyz "$f" || true
      echo "shell: $f"
      ;;
    *.js|*.ts)
      echo "script: $f"
      ;;
  esac
done
