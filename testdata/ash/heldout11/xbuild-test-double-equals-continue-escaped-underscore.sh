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
base_name=image-api-cli

for GOOS in darwin windows linux
do
    for GOARCH in amd64 arm64 386
    do
        if [ "$GOOS" == "darwin" ] && [ "$GOARCH" == "386" ]; then
            continue
        fi
        GOOS=$GOOS GOARCH=$GOARCH go build -o bin/$base_name-$GOOS\_$GOARCH main.go
    done
done
ls bin
