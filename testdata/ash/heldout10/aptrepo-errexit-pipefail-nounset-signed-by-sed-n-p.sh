#!/usr/bin/env bash

# Adds an APT repository to the repository list, allowing packages to be
# installed from that source.
#
# This script handles downloading and installing the repository's GPG key to
# the proper location. That location is controlled by the provided source
# entry's "signed-by" field.
#
# Usage:
#     add-apt-repo {package list line} {URL to GPG key}
#
# curl, gpg and apt-get are stand-ins (gpg --dearmor passes its input on);
# the apt directories are below the working directory; the arguments are
# given with set --

set -o errexit
set -o pipefail
set -o nounset

mkdir -p bin etc/apt/sources.list.d
printf '#!/bin/sh\necho "-----BEGIN PGP PUBLIC KEY BLOCK-----"\n' > bin/curl
printf '#!/bin/sh\ncat\n' > bin/gpg
printf '#!/bin/sh\necho "apt-get $*"\n' > bin/apt-get
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- 'deb [signed-by=my/key.gpg] https://coolpackages.example focal main' https://coolpackages.example/key.gpg

if [ $# -ne 2 ]; then
    echo "Usage: add-apt-repo {package list line} {URL to GPG key}" >&2
    exit 1
fi

source_entry="$1"
key_url="$2"

key_path=$(echo "$source_entry" | sed -n 's/.*\[signed-by=\([^]]*\)\].*/\1/p')
if [ -z "$key_path" ]; then
    echo "The source entry has no signed-by field: $source_entry" >&2
    exit 1
fi

list_name=$(echo "$source_entry" | awk '{ print $3 }' | sed -e 's|^https://||' -e 's|[/.]|-|g')

mkdir -p "$(dirname "$key_path")"
curl -fsSL "$key_url" | gpg --dearmor > "$key_path"
echo "$source_entry" > "etc/apt/sources.list.d/${list_name}.list"
apt-get update
echo "Added ${list_name} with its key at ${key_path}"
cat "$key_path"
