#!/bin/bash

# cross compile platform list, one target per call
# Stand-in: go prints what it would build, for which platform, and leaves the output file.
mkdir -p stand
cat > stand/go <<'EOF'
#!/bin/sh
out=
prev=
for a in "$@"; do [ "$prev" = -o ] && out=$a; prev=$a; done
echo "go $* [GOOS=$GOOS GOARCH=$GOARCH]"
case "$out" in
"") ;;
*/) mkdir -p "$out" && : > "$out/app" ;;
*) mkdir -p "$(dirname "$out")" && : > "$out" ;;
esac
EOF
chmod +x stand/go
PATH=$PWD/stand:$PATH

for arg in linux mac windows freebsd; do
set -- $arg

target="n/a"
[ $# -eq 1 ] && target="$1"

case $target in
    "linux" )
        env GOOS=linux GOARCH=amd64 go build
        ;;
    "mac")
        env GOOS=darwin GOARCH=amd64 go build
        ;;
    "windows" )
        env GOOS=windows GOARCH=386 go build
        ;;
    *)
        echo "not support platform $target yet"
        ;;
esac
done
