#!/usr/bin/env bash

# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main && printf "FROM alpine:3.20\n" > Dockerfile && git add . && git commit -qm init
git tag v1.4.0
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
cat > ../bin/docker <<'EOF'
#!/bin/sh
if [ "$1" = login ]; then read -r pw; echo "Login Succeeded (${#pw} characters)"; else echo "docker $*"; fi
EOF
DOCKER_USERNAME=builder DOCKER_PASSWORD=s3cret

# set docker image tags from git commit info
set_tags_from_git() {
    git_sha=$(git rev-parse HEAD)
    version_tag=$(git describe --tags --exact-match "${git_sha}" 2>/dev/null) || true
    IMAGE_TAG_SHA="${git_sha}"
    IMAGE_TAG_VERSION="${version_tag}"
}

# check if the repo is not dirty
check_not_dirty() {
    dirty=$(git status --porcelain)
    if [ -n "${dirty}" ]; then
        echo "Please commit git changes before pushing to a registry"
        return 1
    fi
}

docker_login() {
    echo "${DOCKER_PASSWORD}" | docker login -u "${DOCKER_USERNAME}" --password-stdin
}

# push a docker image
docker_push() {
    image_name=$1
    docker push "${image_name}"
    echo
}

set_tags_from_git
check_not_dirty || exit 1
docker_login
for tag in "${IMAGE_TAG_SHA}" "${IMAGE_TAG_VERSION}"; do
    [ -n "$tag" ] || continue
    docker build -t "example/app:${tag}" .
    docker_push "example/app:${tag}"
done
echo x > untracked.txt
check_not_dirty || echo "not pushed"
