#!/bin/bash
#  Docker Hub build hook: also tag each build with the full commit sum.
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
# Set by Docker Hub's build environment.
IMAGE_NAME=index.docker.io/example/app:latest
DOCKER_REPO=index.docker.io/example/app

HASH="$(git rev-parse HEAD)"
docker tag $IMAGE_NAME $DOCKER_REPO:$HASH
docker push $DOCKER_REPO:$HASH
