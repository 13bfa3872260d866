# curl writes the Go tarball (made first); sudo runs its command; usr/local
# is below the working directory, and so is the go that PATH is given
mkdir -p bin usr/local
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
printf '#!/bin/sh\nfor a; do [ "$p" = -o ] && out=$a; p=$a; done\ncp go.fixture.tar.gz "$out"\n' > bin/curl
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
chmod +x bin/*
PATH="$PWD/bin:$PATH"
GO_VERSION=1.16.3

curl -fsSL "https://golang.org/dl/go${GO_VERSION}.linux-amd64.tar.gz" -o go-linux-amd64.tar.gz
sudo tar zxf go-linux-amd64.tar.gz -C usr/local
export PATH=$PWD/usr/local/go/bin:$PATH
export GOROOT=usr/local/go
export GOPATH=$HOME/go
go version
