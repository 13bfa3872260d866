#!/bin/sh

# Stand-in: make builds target/main, a program that greets.
mkdir -p stand
cat > stand/make <<'EOF'
#!/bin/sh
echo "make $*"
mkdir -p target
printf '#!/bin/sh\necho "hello from main"\n' > target/main
chmod +x target/main
EOF
chmod +x stand/make
PATH=$PWD/stand:$PATH

for arg in b r x; do
set -- $arg
case $1 in
    "x")
        ([ ! -e ./target ] && mkdir target && ./x r) || (([ -e ./target/main ] || ./x b) && ./target/main)
        ;;
    "b")
        make clean all
        ;;
    "r"|*)
        make clean all && ./target/main
esac
done
