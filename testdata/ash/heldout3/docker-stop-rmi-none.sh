#!/bin/sh
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
echo cleanup started
echo stop all containers
docker stop $(docker ps -a -q)
echo removed untagged images
docker rmi -f $(docker images | grep "<none>" | awk "{print \$3}")
echo cleanup complete
