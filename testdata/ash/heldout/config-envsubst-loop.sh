#!/bin/bash
export APP_NAME=shop APP_ENV=prod
while IFS= read -r line; do
  eval "echo \"$line\""
done <<'EOF'
name=${APP_NAME}
env=${APP_ENV}
EOF
