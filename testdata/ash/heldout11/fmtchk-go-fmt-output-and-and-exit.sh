#!/bin/sh

# Stand-in: go fmt names the files it rewrote.
mkdir -p stand
cat > stand/go <<'EOF'
#!/bin/sh
[ "$1" = fmt ] && printf 'server/handler.go\nserver/routes.go\n'
EOF
chmod +x stand/go
PATH=$PWD/stand:$PATH

formatted_files=$(go fmt ./...)
echo $formatted_files

[ -n "$formatted_files" ] && echo "formatting occured/detected please try again" && exit 1

exit 0
