#!/usr/bin/env sh

# The compiler is a stand-in on PATH: it writes a small program that says
# what it was built from.
mkdir -p bin
cat > bin/gcc <<'EOF'
#!/bin/sh
out=a.out
srcs=
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift ;;
    -*) ;;
    *) srcs="$srcs $1" ;;
  esac
  shift
done
printf '#!/bin/sh\necho "test.bin built from:%s"\n' "$srcs" > "$out"
chmod 755 "$out"
EOF
chmod +x bin/gcc
PATH="$PWD/bin:$PATH"
echo 'int main(void){return 0;}' > main.c

cc='gcc -std=c11'
cflags='-O2 -Wall -Wextra -fPIC -I.'
ldflags=''

Run(){ echo "$@"; $@; }

Obj(){ echo "$1" | sed 's/\.c$/.o/'; }

Run $cc $cflags main.c $ldflags -o test.bin
echo "object would be $(Obj main.c)"

./test.bin
