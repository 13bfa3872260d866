#!/bin/sh

# The compiler is a stand-in on PATH that writes its output file.
mkdir -p bin src
cat > bin/gcc <<'EOF'
#!/bin/sh
out=a.out
while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
echo "binary" > "$out"
chmod 755 "$out"
EOF
chmod +x bin/gcc
PATH="$PWD/bin:$PATH"
echo 'int main(void){return 0;}' > src/main.c

CC='gcc -std=gnu11'
SRC=src/main.c
BIN=any-c

WARNINGS='-Wall -Wextra -Wfatal-errors -Wno-unused-parameter -Wno-discarded-qualifiers'

LIBS=

#OPTIMIZATION=-O3
OPTIMIZATION='-O0 -g'

#REMARKS=-Rpass=inline
REMARKS=

#PROFILE=-pg
PROFILE=

rm -f $BIN &&

$CC $PROFILE $SRC -o $BIN $OPTIMIZATION $CFLAGS $LIBS $WARNINGS &&

ls -la --color $BIN | awk '{print $1, $5, $NF}'
