#!/bin/bash
# The compiler is a stand-in on PATH: -c writes an object, -o links them.
mkdir -p bin
cat > bin/gcc <<'EOF'
#!/bin/sh
out=
compile=no
srcs=
for a in "$@"; do
  case "$a" in
    -c) compile=yes ;;
    -*) ;;
    *) srcs="$srcs $a" ;;
  esac
done
if [ $compile = yes ]; then
  for s in $srcs; do echo "object of $s" > "${s%.c}.o"; echo "compiled $s"; done
else
  while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
  cat $(echo $srcs | tr ' ' '\n' | grep '\.o$') > "$out"
  echo "linked $out"
fi
EOF
chmod +x bin/gcc
PATH="$PWD/bin:$PATH"
for f in main struct_stdio struct_task; do echo "/* $f */" > $f.c; done
gcc -std=c99 -Werror -Wall -Wpedantic -Wextra -Wvla -c main.c
gcc -std=c99 -Werror -Wall -Wpedantic -Wextra -Wvla -c struct_stdio.c
gcc -std=c99 -Werror -Wall -Wpedantic -Wextra -Wvla -c struct_task.c
gcc -o main.exe main.o struct_stdio.o struct_task.o
cat main.exe
