#!/bin/bash
# download this script to the bin folder
# wget -O /usr/bin/apt-add-repo https://raw.githubusercontent.com/devd4n/linux-scripts/main/deb-apt-key-2.sh
# Run as sudo
#
# The script takes a fixed name for $0; wget, gpg, file and sudo are stand-ins;
# the apt directories are below the working directory; the key's URL is
# given with set --
mkdir -p bin etc/apt/keyrings etc/apt/sources.list.d
printf '#!/bin/sh\nwhile [ $# -gt 1 ]; do shift; done\necho "key from $1"\n' > bin/wget
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "gpg $*"\n' > bin/gpg
printf '#!/bin/sh\necho "$1: PGP public key block"\n' > bin/file
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- https://example.com/apt/key.asc

repo_name=apt-add-repo
key_uri=$1

wget -q -O key.gpg $key_uri
typecount=$(file key.gpg | grep -c)
if [ $typecount >= 0 ]
gpg --no-default-keyring --keyring ./tmp.gpg --import key.gpg
gpg --no-default-keyring --keyring ./tmp.gpg --export --output $repo_name.gpg
rm tmp.gpg key.gpg
sudo mv $repo_name.gpg etc/apt/keyrings/$repo_name.gpg

echo "Types: deb" > etc/apt/sources.list.d/$repo_name.sources
echo "URIs: https://example.com/apt" > etc/apt/sources.list.d/$repo_name.sources
echo "Suites: stable" > etc/apt/sources.list.d/$repo_name.sources
echo "Components: main" > etc/apt/sources.list.d/$repo_name.sources
echo "Signed-By: /etc/apt/keyrings/$repo_name.gpg" > etc/apt/sources.list.d/$repo_name.sources



