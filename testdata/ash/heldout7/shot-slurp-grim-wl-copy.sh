# Part of a screenshot and recording helper.
# Stand-ins: slurp gives a fixed region, grim writes fake bytes, wl-copy
# counts them, notify-send prints the notice.
slurp() { echo "10,10 300x200"; }
grim() { echo "grim $*" >&2; printf 'PNGDATA'; }
mkdir -p bin
cat > bin/wl-copy <<'EOF'
#!/bin/sh
echo "wl-copy: $(wc -c) bytes"
EOF
chmod +x bin/wl-copy
cat > bin/notify-send <<'EOF'
#!/bin/sh
echo "notice: $1 - $2"
EOF
chmod +x bin/notify-send
PATH="$PWD/bin:$PATH"

get_geometry() {
    slurp "$@"
}

geometry=$(get_geometry)
# Check if user canceled the selection
if [ -n "$geometry" ]; then
    grim -g "$geometry" - | wl-copy
    notify-send "Screenshot Copied" "Area screenshot copied to clipboard"
fi
