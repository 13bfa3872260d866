#!/usr/bin/env bash
set -xeo pipefail

# locale-gen, update-locale and localectl are stand-ins
mkdir -p bin
cat > bin/locale-gen <<'EOF'
#!/bin/sh
# locale-gen: generates what etc/locale.gen asks for (or its arguments)
echo "Generating locales (this might take a while)..."
{ [ $# -gt 0 ] && printf "%s\n" "$@"; grep -v "^#" etc/locale.gen 2>/dev/null | cut -d" " -f1; } | grep . | sort -u > generated
sed "s/^/  /; s/$/... done/" generated
echo "Generation complete."
EOF
for c in update-locale localectl; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

LOCALE="en_US.UTF-8"

locale-gen $LOCALE
update-locale LANG=$LOCALE
localectl set-locale LANG=$LOCALE
