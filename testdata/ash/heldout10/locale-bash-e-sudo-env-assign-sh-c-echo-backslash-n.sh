#!/bin/bash -e

# etc/default is below the working directory; sudo runs its command (with
# the variables it is given); locale-gen, update-locale and dpkg-reconfigure
# are stand-ins
mkdir -p bin etc/default
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec env "$@"\n' > bin/sudo
cat > bin/locale-gen <<'EOF'
#!/bin/sh
# locale-gen: generates what etc/locale.gen asks for (or its arguments)
echo "Generating locales (this might take a while)..."
{ [ $# -gt 0 ] && printf "%s\n" "$@"; grep -v "^#" etc/locale.gen 2>/dev/null | cut -d" " -f1; } | grep . | sort -u > generated
sed "s/^/  /; s/$/... done/" generated
echo "Generation complete."
EOF
for c in update-locale dpkg-reconfigure; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

LOCALE=C.UTF-8

echo "--> Setup locale $LOCALE"
sudo LOCALE=$LOCALE sh -c 'echo "LANG=$LOCALE\nLC_ALL=$LOCALE" > etc/default/locale'
export LANGUAGE="$LOCALE"
export LANG="$LOCALE"
export LC_ALL="$LOCALE"
sudo locale-gen "$LOCALE"
sudo update-locale LANG="$LOCALE"
sudo dpkg-reconfigure locales
cat etc/default/locale
