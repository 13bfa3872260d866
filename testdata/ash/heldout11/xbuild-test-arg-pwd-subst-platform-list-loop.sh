#!/bin/bash
#
# usage: ./golang-crosscompile-build.bash /path/to/target.go [binary]

# Stand-in: go prints what it would build and leaves the output file.
mkdir -p stand
cat > stand/go <<'EOF'
#!/bin/sh
out=
prev=
for a in "$@"; do [ "$prev" = -o ] && out=$a; prev=$a; done
echo "go $* [GOOS=$GOOS GOARCH=$GOARCH]"
[ -n "$out" ] && mkdir -p "$(dirname "$out")" && : > "$out"
EOF
chmod +x stand/go
PATH=$PWD/stand:$PATH

for args in "main.go" "main.go server" ""; do
set -- $args
(
# argument handling
test "$1" && target="$1" # .go file to build

if ! test "$target"
then
  echo "target file required"
  exit 1
fi

binary="$(basename "$(PWD)")" # default to default
test "$2" && binary="$2" # binary output

# Platforms to compile for
platforms="linux/amd64 linux/386 linux/arm windows/386 windows/amd64 darwin/amd64 freebsd/amd64"

if ! test "$platforms"; then
  echo "no valid os/arch pairs were found to build"
  exit 1
fi

for platform in ${platforms}
do
  GOOS=$(echo $platform | cut -d/ -f1)
  GOARCH=$(echo $platform | cut -d/ -f2)
  output="bin/${binary}-${GOOS}-${GOARCH}"
  test "$GOOS" = "windows" && output="${output}.exe"
  echo "building $output"
  GOOS=$GOOS GOARCH=$GOARCH go build -o "$output" "$target" || echo "failed: $platform"
done
)
done
ls bin
