# curl prints the Go tarball (made first); usr/local and etc/profile.d are
# below the working directory
mkdir -p bin usr/local etc/profile.d
mkdir -p fx/go/bin
printf '#!/bin/sh\necho "go version go1.21.5 linux/amd64"\n' > fx/go/bin/go
chmod +x fx/go/bin/go
tar -czf go.fixture.tar.gz -C fx go
printf '#!/bin/sh\ncat go.fixture.tar.gz\n' > bin/curl
chmod +x bin/*
PATH="$PWD/bin:$PATH"

curl -s https://storage.googleapis.com/golang/go1.4.2.linux-amd64.tar.gz | tar -xzC usr/local

# Set GOROOT and PATH appropriately
cat <<EOF | bash -c "cat > etc/profile.d/golang.sh"
export GOROOT=/usr/local/go
export PATH=\$GOROOT/bin:\$PATH
EOF
cat etc/profile.d/golang.sh
ls usr/local/go/bin
