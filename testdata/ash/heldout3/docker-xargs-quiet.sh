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
# Auto-cleanup script - runs after builds
# Silently remove dangling images
docker images -f "dangling=true" -q | xargs -r docker rmi -f > /dev/null 2>&1 || true
# Also prune stopped containers silently
docker container prune -f > /dev/null 2>&1 || true
echo "done"
exit 0
