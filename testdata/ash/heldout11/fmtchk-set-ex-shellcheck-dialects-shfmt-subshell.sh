#!/bin/sh
set -ex

# Fixtures, and stand-ins: shellcheck finds nothing, ./bin/shfmt -l names
# the file that is not formatted.
mkdir -p stand bin
printf 'echo a\n' > a.sh
printf 'if true;then echo b;fi\n' > b.sh
cat > stand/shellcheck <<'EOF'
#!/bin/sh
exit 0
EOF
cat > bin/shfmt <<'EOF'
#!/bin/sh
for a; do case $a in b.sh) echo b.sh ;; esac; done
EOF
chmod +x stand/shellcheck bin/shfmt
PATH=$PWD/stand:$PATH

shellcheck -f gcc -s sh *.sh
shellcheck -f gcc -s bash *.sh
shellcheck -f gcc -s dash *.sh
shellcheck -f gcc -s ksh *.sh
test -z "$(./bin/shfmt -ci -p -i 2 -l *.sh)" || (echo "not formated - run 'make fmt' to fix"; ./bin/shfmt -ci -p -i 2 -l *.sh; exit 1)

