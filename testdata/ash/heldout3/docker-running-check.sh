#!/bin/bash
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
RUNNING=`docker ps -q`
if [ -n "$RUNNING" ]; then
    docker stop $(docker ps -q)
fi
#docker system prune -a --volumes -f
docker rmi $(docker images --filter "dangling=true" -q --no-trunc)
