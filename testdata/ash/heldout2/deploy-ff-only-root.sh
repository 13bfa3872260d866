#!/usr/bin/env bash
set -euo pipefail
# Pull latest code, build, restart service (the update script lives in
# app/deploy and finds the checkout from its own location).
git() { echo "git $*"; }
sudo() { "$@"; }
systemctl() { echo "systemctl $*"; }
journalctl() { echo "journal: $*"; return 1; }
mkdir -p app/deploy
printf '#!/bin/sh\necho built\n' > app/deploy/build-release.sh
chmod +x app/deploy/build-release.sh
cat > app/deploy/update-and-restart.sh <<'SCRIPT'
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT_DIR"
echo "== Git Pull =="
git pull --ff-only
echo "== Build =="
./deploy/build-release.sh
echo "== Restart Service =="
sudo systemctl restart st-albans
echo "== Recent Logs =="
sudo journalctl -u st-albans -n 25 --no-pager || true
echo "Done in ${ROOT_DIR##*/}"
SCRIPT
. app/deploy/update-and-restart.sh
