# build the service image, tag it with the short commit and latest, push both

# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main && printf "FROM alpine:3.20\n" > Dockerfile && git add . && git commit -qm init
# Stand-in: docker prints what it would do; a quiet build prints an id.
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

git_hash=$(git rev-parse --short HEAD)
docker build -t registry.example.com/shop/bluegreen-service-b:${git_hash} .
image_id=$(docker build -q -t registry.example.com/shop/bluegreen-service-b:${git_hash})
docker tag ${image_id} registry.example.com/shop/bluegreen-service-b:latest
docker push registry.example.com/shop/bluegreen-service-b:${git_hash}
docker push registry.example.com/shop/bluegreen-service-b:latest
