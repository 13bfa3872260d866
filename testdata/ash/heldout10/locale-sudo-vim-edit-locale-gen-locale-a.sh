#!/bin/bash

# etc/locale.gen is below the working directory; sudo runs its command;
# vim is a stand-in that uncomments en_US.UTF-8 as a person would;
# locale-gen and locale work on the list that locale-gen made
mkdir -p bin etc
printf '# en_GB.UTF-8 UTF-8\n# en_US.UTF-8 UTF-8\n# de_DE.UTF-8 UTF-8\n' > etc/locale.gen
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec env "$@"\n' > bin/sudo
cat > bin/vim <<'EOF'
#!/bin/sh
sed -i 's/^# en_US.UTF-8/en_US.UTF-8/' "$1"
EOF
cat > bin/locale-gen <<'EOF'
#!/bin/sh
# locale-gen: generates what etc/locale.gen asks for (or its arguments)
echo "Generating locales (this might take a while)..."
{ [ $# -gt 0 ] && printf "%s\n" "$@"; grep -v "^#" etc/locale.gen 2>/dev/null | cut -d" " -f1; } | grep . | sort -u > generated
sed "s/^/  /; s/$/... done/" generated
echo "Generation complete."
EOF
printf '#!/bin/sh\necho C; echo C.utf8; echo POSIX; sed "s/UTF-8/utf8/" generated\n' > bin/locale
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Enable missing locales
sudo vim etc/locale.gen

# regenerate locales
sudo locale-gen

# just to confirm it worked
locale -a
