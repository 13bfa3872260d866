#!/bin/bash

set -e

# etc/locale.gen is below the working directory; sudo runs its command;
# locale-gen and update-locale are stand-ins
mkdir -p bin etc
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec env "$@"\n' > bin/sudo
cat > bin/locale-gen <<'EOF'
#!/bin/sh
# locale-gen: generates what etc/locale.gen asks for (or its arguments)
echo "Generating locales (this might take a while)..."
{ [ $# -gt 0 ] && printf "%s\n" "$@"; grep -v "^#" etc/locale.gen 2>/dev/null | cut -d" " -f1; } | grep . | sort -u > generated
sed "s/^/  /; s/$/... done/" generated
echo "Generation complete."
EOF
printf '#!/bin/sh\necho "update-locale $*"\n' > bin/update-locale
chmod +x bin/*
PATH="$PWD/bin:$PATH"

echo en_US ISO-8859-1 | sudo tee -a etc/locale.gen
echo en_US.UTF-8 UTF-8 | sudo tee -a etc/locale.gen
echo en_CA ISO-8859-1 | sudo tee -a etc/locale.gen
echo en_CA.UTF-8 UTF-8 | sudo tee -a etc/locale.gen
echo es_ES ISO-8859-1 | sudo tee -a etc/locale.gen
echo es_ES.UTF-8 UTF-8 | sudo tee -a etc/locale.gen
echo ru_RU ISO-8859-5 | sudo tee -a etc/locale.gen
echo ru_RU.UTF-8 UTF-8 | sudo tee -a etc/locale.gen
sudo locale-gen
sudo update-locale
