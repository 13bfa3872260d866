# sudo runs its command; curl and gpg are stand-ins (gpg --dearmor writes
# what it reads); the apt directories are below the working directory
mkdir -p bin etc/apt/sources.list.d
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "-----BEGIN PGP PUBLIC KEY BLOCK-----"\n' > bin/curl
cat > bin/gpg <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
  case $1 in -o) out=$2; shift ;; esac
  shift
done
cat > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Add gpg key to keyring
echo arg1 is the repository GPG key, arg2 is the repo name for etc/apt/keyrings/???.gpg
sudo mkdir -m 0755 -p etc/apt/keyrings/

curl -fsSL https://example.com/EXAMPLE.gpg |
    sudo gpg --dearmor -o etc/apt/keyrings/EXAMPLE.gpg

echo "deb [signed-by=/etc/apt/keyrings/EXAMPLE.gpg] https://example.com/apt stable main" |
    sudo tee etc/apt/sources.list.d/EXAMPLE.list > /dev/null
cat etc/apt/keyrings/EXAMPLE.gpg etc/apt/sources.list.d/EXAMPLE.list
ls -ld etc/apt/keyrings | cut -c1-10
