#!/bin/sh
# Import repository keys to this host
#
# gpg is a stand-in that lists no keys; the key files are made first
mkdir -p bin sh/gpg_key
echo "secret" > sh/gpg_key/deb-sec.gpg.key
echo "public" > sh/gpg_key/deb.gpg.key
cat > bin/gpg <<'EOF'
#!/bin/sh
case $1 in
  --list-keys) exit 0 ;;
  *) for a; do :; done; echo "gpg: key 7A3B1C2D: \"$(cat "$a")\" imported" ;;
esac
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

ANSI_BROWN="\033[22;33m"
ANSI_NONE="\033[0m"

# Import repository keys to this host
#echo "Before Import repository keys..."
str=`gpg --list-keys | grep "repository <repo@ksproject.org>"`;
if [ -z "$str" ]; then 
  echo $ANSI_BROWN"Add repository keys to this host:"$ANSI_NONE
  echo ""  
  gpg --allow-secret-key-import --import sh/gpg_key/deb-sec.gpg.key
  gpg --import sh/gpg_key/deb.gpg.key
  echo ""
fi
#echo "After Import repository keys..."
