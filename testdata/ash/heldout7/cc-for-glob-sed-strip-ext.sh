# Build every C file of the folder into build/. The compiler is a stand-in
# on PATH that writes its output file and says what it compiled.
mkdir -p bin
cat > bin/gcc <<'EOF'
#!/bin/sh
out=a.out
src=
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift ;;
    *.c) src="$src $1" ;;
  esac
  shift
done
echo "cc:$src -> $out"
: > "$out"
EOF
chmod +x bin/gcc
PATH="$PWD/bin:$PATH"
echo 'int main(void){return 0;}' > display.c
echo 'int main(void){return 0;}' > clock.c
echo 'int main(void){return 0;}' > spi_test.c

rm -rf build
mkdir -p build
for I in *.c; do
echo "compile $I..."
gcc  "$I" -o "build/"`echo $I | sed -e 's/.c//g'`
done
ls build
