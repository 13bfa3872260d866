#!/bin/sh

# etc/default is below the working directory; locale-gen and apt-get are
# stand-ins
mkdir -p bin etc/default
cat > bin/locale-gen <<'EOF'
#!/bin/sh
# locale-gen: generates what etc/locale.gen asks for (or its arguments)
echo "Generating locales (this might take a while)..."
{ [ $# -gt 0 ] && printf "%s\n" "$@"; grep -v "^#" etc/locale.gen 2>/dev/null | cut -d" " -f1; } | grep . | sort -u > generated
sed "s/^/  /; s/$/... done/" generated
echo "Generation complete."
EOF
printf '#!/bin/sh\necho "apt-get $*"\n' > bin/apt-get
chmod +x bin/*
PATH="$PWD/bin:$PATH"

export LANG=C.UTF-8
export LANGUAGE=C.UTF-8
export LC_CTYPE="C.UTF-8"
export LC_NUMERIC="C.UTF-8"
export LC_TIME="C.UTF-8"
export LC_COLLATE="C.UTF-8"
export LC_MONETARY="C.UTF-8"
export LC_MESSAGES="C.UTF-8"
export LC_PAPER="C.UTF-8"
export LC_NAME="C.UTF-8"
export LC_ADDRESS="C.UTF-8"
export LC_TELEPHONE="C.UTF-8"
export LC_MEASUREMENT="C.UTF-8"
export LC_IDENTIFICATION="C.UTF-8"
export LC_ALL=C.UTF-8

echo "LANG=C.UTF-8" > 'etc/default/locale' \
    echo "LANGUAGE=C.UTF-8" >> 'etc/default/locale' \
    echo "LC_CTYPE="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_NUMERIC="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_TIME="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_COLLATE="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_MONETARY="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_MESSAGES="C.UTF-8" >> 'etc/default/locale' \
    echo "LC_PAPER="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_NAME="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_ADDRESS="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_TELEPHONE="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_MEASUREMENT="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_IDENTIFICATION="C.UTF-8"" >> 'etc/default/locale' \
    echo "LC_ALL=C.UTF-8" >> 'etc/default/locale' \ 

locale-gen C.UTF-8 && apt-get update 
cat etc/default/locale
