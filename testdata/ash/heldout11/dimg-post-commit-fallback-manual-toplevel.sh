#!/usr/bin/env bash
set -euo pipefail
# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main && printf "FROM alpine:3.20\n" > Dockerfile && git add . && git commit -qm init
mkdir -p ../bin
cat > ../bin/docker <<'EOF'
#!/bin/sh
case "$1 $2" in
"build -q") echo sha256:4f2a9c1e7b ;;
*) echo "docker $*" ;;
esac
EOF
chmod +x ../bin/docker
PATH=$PWD/../bin:$PATH
cat > ../bin/date <<'EOF'
#!/bin/sh
echo "2024-05-01 12:00:00"
EOF
chmod +x ../bin/date

IMAGE_NAME="example/insurance"
TAG_LATEST="latest"
GIT_SHA=$(git rev-parse --short HEAD 2>/dev/null || echo "manual")
TAG_SHA="sha-${GIT_SHA}"

# Find repo root (this hook may run from .git/hooks directory)
REPO_ROOT="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
cd "$REPO_ROOT"

echo "[post-commit] Building Docker image: ${IMAGE_NAME}:${TAG_LATEST} (${TAG_SHA})"
docker build -t ${IMAGE_NAME}:${TAG_LATEST} -t ${IMAGE_NAME}:${TAG_SHA} .

echo "[post-commit] Pushing Docker image tags: ${TAG_LATEST}, ${TAG_SHA}"
docker push ${IMAGE_NAME}:${TAG_LATEST}
docker push ${IMAGE_NAME}:${TAG_SHA}

echo "[post-commit] Done: ${IMAGE_NAME}@$(date '+%Y-%m-%d %H:%M:%S')"
