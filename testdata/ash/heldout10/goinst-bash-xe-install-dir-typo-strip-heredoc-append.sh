#!/bin/bash -xe

# wget writes the Go tarball (made first); the install directory and HOME
# are below the working directory; go is a stand-in on PATH
mkdir -p bin home
export HOME="$PWD/home"
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
printf '#!/bin/sh\ncp go.fixture.tar.gz "$3"\n' > bin/wget
printf '#!/bin/sh\necho "go version go1.8 linux/amd64"\n' > bin/go
chmod +x bin/*
PATH="$PWD/bin:$PATH"

URL="https://storage.googleapis.com/golang/go1.8.linux-amd64.tar.gz"
INSTALL_DIR="DIR=usr/local/go"
GOPATH="$HOME/.go"

mkdir -p $INSTALL_DIR
wget $URL -O tmp
tar xfvz tmp -C $INSTALL_DIR --strip-components 1
rm tmp

cat << EOS >> $HOME/.profile

# Golang
export GOROOT=$INSTALL_DIR
export GOPATH=$GOPATH
PATH=\$PATH:\$GOROOT/bin:\$GOPATH/bin

EOS

go version

echo  "please run the following command or restart shell"
echo  "source \$HOME/.profile"
sed "s|$HOME|~|" $HOME/.profile
ls $INSTALL_DIR/bin
