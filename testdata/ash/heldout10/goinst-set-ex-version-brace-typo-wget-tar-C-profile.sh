#!/bin/bash

set -ex

# wget writes the Go tarball (made first) under the name the URL ends in;
# usr/local and etc/profile.d are below the working directory
mkdir -p bin usr/local etc/profile.d
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
printf '#!/bin/sh\ncp go.fixture.tar.gz "${1##*/}"\n' > bin/wget
chmod +x bin/*
PATH="$PWD/bin:$PATH"

VERSION=1.4}
OS=linux
ARCH=amd64

profile='export PATH=$PATH:/usr/local/go/bin'

wget https://storage.googleapis.com/golang/go$VERSION.$OS-$ARCH.tar.gz
tar -C usr/local -xzf go$VERSION.$OS-$ARCH.tar.gz
echo $profile > etc/profile.d/gopath.sh

cat etc/profile.d/gopath.sh
usr/local/go/bin/go
