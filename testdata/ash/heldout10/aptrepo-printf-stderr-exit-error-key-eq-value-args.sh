#!/bin/bash
# This script is used to replace the apt add-key command, since it is deprecated.
# It will also allow you to add the corresponding repository to sources.list
#
# Usage: 
# apt-key-add -i=<input_file> [-o=<output_file>] [-p=<path>] [-sc=<component>] [-ss=<suite>] [-su=<uri>]
#                             [-s=<sigature>] [-r=<keyring>] [-v]
#
# The key file is made first; gpg is a stand-in (--dearmor passes its input
# on); the paths are below the working directory; the arguments are given
# with set --
mkdir -p bin keys etc/apt/sources.list.d
echo "-----BEGIN PGP PUBLIC KEY BLOCK-----" > keys/docker.asc
cat > bin/gpg <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
  case $1 in -o) out=$2; shift ;; esac
  last=$1
  shift
done
cat "$last" > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- -i=keys/docker.asc -o=docker -p=keyrings/ -su=https://download.docker.example/linux/debian -ss=bookworm -sc=stable -v

# Local function definition
exit_error() {
  printf "\nAborting: \n\n%s\n\n" "$1" >&2
  exit 1
}

keypath="keyrings/"
verbose=0
for arg in "$@"; do
  case $arg in
    -i=*) input="${arg#*=}" ;;
    -o=*) output="${arg#*=}" ;;
    -p=*) keypath="${arg#*=}" ;;
    -sc=*) component="${arg#*=}" ;;
    -ss=*) suite="${arg#*=}" ;;
    -su=*) uri="${arg#*=}" ;;
    -v) verbose=1 ;;
    *) exit_error "Unknown option: $arg" ;;
  esac
done

if [ -z "$input" ]; then
  exit_error "No input file given: use -i=<input_file>"
fi
if [ ! -f "$input" ]; then
  exit_error "Input file $input does not exist"
fi
if [ -z "$output" ]; then
  output=$(basename "$input")
  output="${output%.*}"
fi

mkdir -p "$keypath"
gpg --dearmor -o "${keypath}${output}.gpg" "$input"
[ $verbose -eq 1 ] && printf "Key stored as %s\n" "${keypath}${output}.gpg"

if [ -n "$uri" ]; then
  printf "deb [signed-by=/etc/apt/%s] %s %s %s\n" "${keypath}${output}.gpg" "$uri" "$suite" "$component" > "etc/apt/sources.list.d/${output}.list"
  [ $verbose -eq 1 ] && printf "Repository added: %s\n" "$(cat "etc/apt/sources.list.d/${output}.list")"
fi
exit 0
