#!/bin/sh
cat > ./.env <<'EOF'
# database
DB_HOST=db.internal
DB_PORT=5432
APP_NAME="my shop"
EOF
set -a
. ./.env
set +a
echo "$APP_NAME -> $DB_HOST:$DB_PORT"
sh -c 'echo "child sees $DB_HOST"'
