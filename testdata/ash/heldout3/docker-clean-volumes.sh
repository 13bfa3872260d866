#! /bin/sh
mkdir -p bin
cat > bin/docker <<'STUB'
#!/bin/sh
case "$1 $2" in
"ps -a"|"ps -q"|"ps -aq") echo c1; echo c2;;
"images "*) case "$*" in *-q*) echo img1;; *) printf "REPOSITORY TAG IMAGE ID\n<none> <none> img1\napp latest img2\n";; esac;;
"volume ls") echo vol1;;
*) echo "docker $*";;
esac
STUB
chmod +x bin/docker
PATH="$PWD/bin:$PATH"
docker rm $(docker ps -a -q)
docker rmi $(docker images -f "dangling=true" -q)
docker volume rm $(docker volume ls -qf dangling=true)
docker image prune
docker container prune
