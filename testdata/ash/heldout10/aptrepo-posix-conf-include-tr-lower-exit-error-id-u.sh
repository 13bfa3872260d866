#!/bin/sh

# Add APT key script
#
# The configuration and key directories are below the working directory; id
# answers as root would; wget, gpg and file are stand-ins (gpg --dearmor
# passes its input on); the arguments are given with set --
mkdir -p bin usr/local/etc etc/apt/keyrings
printf 'verbosity="Yes"\n' > usr/local/etc/add-apt-key.conf
printf '#!/bin/sh\necho 0\n' > bin/id
cat > bin/wget <<'EOF'
#!/bin/sh
for a; do :; done
echo "-----BEGIN PGP PUBLIC KEY BLOCK-----" > "${a##*/}"
EOF
cat > bin/gpg <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
  case $1 in -o) out=$2; shift ;; esac
  last=$1
  shift
done
cat "$last" > "$out"
EOF
printf '#!/bin/sh\necho "$1: PGP public key block Public-Key (old)"\n' > bin/file
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- https://mariadb.example/mariadb_release_signing_key.asc mariadb

# Initial configuration variables
keypath="etc/apt/keyrings/"
verbosity="No"
removetmp="No"

# Include configuration file
if [ -f "usr/local/etc/add-apt-key.conf" ]; then
  . "usr/local/etc/add-apt-key.conf"
fi

# Convert strings to lowercase
verbosity=$(echo "$verbosity" | tr '[:upper:]' '[:lower:]')
removetmp=$(echo "$removetmp" | tr '[:upper:]' '[:lower:]')

# Local function definition
exit_error() {
  echo "Error: $1"
  exit 1
}


# Start script

# Check if script is run as root
if [ "$(id -u)" != "0" ]; then
  exit_error "must run as root"
fi

# Check if there is argument
if [ "$1" = "" ]; then
  exit_error "no input file given"
fi

# Fetch the key if it is a URL
case "$1" in
  http://*|https://*)
    wget -q "$1"
    infile="${1##*/}"
    ;;
  *)
    infile="$1"
    ;;
esac

if [ ! -f "$infile" ]; then
  exit_error "$infile not found"
fi

# Output name
if [ -z "$2" ]; then
  outfile="${keypath}${infile%.*}.gpg"
else
  outfile="${keypath}${2%.gpg}.gpg"
fi

if file "$infile" | grep -q "PGP public key block"; then
  gpg --dearmor -o "$outfile" "$infile"
else
  cp "$infile" "$outfile"
fi

if [ "$verbosity" = "yes" ]; then
  echo "Key $infile converted and stored as $outfile"
fi
if [ "$removetmp" = "yes" ]; then
  rm "$infile"
fi
ls "$keypath"
