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
set -- central_tool
 
# macos
GOOS=darwin GOARCH=amd64 go build -o bin/$1-macos $1.go

# windows 
GOOS=windows GOARCH=amd64 go build -o bin/$1.exe $1.go

# linux 
GOOS=linux GOARCH=amd64 go build -o bin/$1-linux $1.go
ls bin
