#!/bin/sh

# wget writes the Go tarball (made first); usr/local, etc/profile.d and
# GOPATH are below the working directory; the versions come from the
# environment, set here
mkdir -p bin usr/local etc/profile.d
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
printf '#!/bin/sh\ncp go.fixture.tar.gz "$2"\n' > bin/wget
chmod +x bin/*
PATH="$PWD/bin:$PATH"
GOLANG_VERSION=1.22.1 OS=linux GOLANG_ARCH=amd64 GOPATH=gopath

url="https://golang.org/dl/go${GOLANG_VERSION}.${OS}-${GOLANG_ARCH}.tar.gz"

# remove old go in case
rm -fr usr/local/go

wget -O go.tgz "$url"
tar -C usr/local -xzf go.tgz
rm go.tgz
export PATH="$PWD/usr/local/go/bin:$PATH"; \
go version

mkdir -p "${GOPATH}"
echo "export PATH=$PATH:/usr/local/go/bin" > etc/profile.d/gopath.sh
echo "export GOPATH=${GOPATH}" >> etc/profile.d/gopath.sh

mkdir -p "$GOPATH/src"
mkdir -p "$GOPATH/bin"
chmod -R 755 "$GOPATH"
grep -c PATH etc/profile.d/gopath.sh
grep GOPATH etc/profile.d/gopath.sh
ls -ld gopath/src gopath/bin | cut -c1-10
