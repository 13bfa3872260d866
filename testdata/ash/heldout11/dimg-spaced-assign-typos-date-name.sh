#!/usr/bin/env sh
# image name from the time and the commit
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
# Stand-in: the clock gives a fixed time.
cat > ../bin/date <<'EOF'
#!/bin/sh
echo 20240501_120000
EOF
chmod +x ../bin/date

current_datetime=$(date +%Y%m%d_%H%M%S)
git_c = $(git rev-parse --short HEAD)
app_name= 'demo'
image_name="${app_name}_${current_datetime}_${git_c}"
echo  ${image_name}
docker build -t ${image_name}
