#!/bin/bash

# etc/locale.gen and HOME are below the working directory; sudo runs its
# command; locale-gen and update-locale are stand-ins; the locale is given
# with set --
mkdir -p bin etc home
export HOME="$PWD/home"
printf '# en_US.UTF-8 UTF-8\n# de_DE.UTF-8 UTF-8\n' > etc/locale.gen
echo 'echo "bashrc: LANG is ${LANG:-unset}"' > home/.bashrc
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
set -- de_DE.UTF-8

setup_locale() {
    LOCALE=${1:-en_US.UTF-8}
    sudo sed -i "s/# $LOCALE UTF-8/$LOCALE UTF-8/" etc/locale.gen
    sudo locale-gen $LOCALE
    sudo update-locale LC_ALL=$LOCALE LANG=$LOCALE
    source ~/.bashrc
    echo "$LOCALE setup complete!"
}

setup_locale $1
cat etc/locale.gen
