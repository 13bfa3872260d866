#!/bin/sh

# The Go tarball is made first; usr/local and HOME are below the working
# directory; go is a stand-in on PATH (the profile is not read)
mkdir -p bin usr/local/go/old home
export HOME="$PWD/home"
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
mv go.fixture.tar.gz go1.21.5.linux-amd64.tar.gz
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > bin/go
chmod +x bin/*
PATH="$PWD/bin:$PATH"

rm -rf usr/local/go && tar -C usr/local -xzf go1.21.5.linux-amd64.tar.gz

echo 'export PATH=$PATH:/usr/local/go/bin' >> ~/.profile
go version

echo 'export GOPATH=$HOME/go' >> ~/.profile
echo 'export PATH=$PATH:$GOPATH/bin' >> ~/.profile
cat ~/.profile
ls usr/local/go
