#!/bin/bash

# sudo runs its command; systemctl, gpasswd and docker are stand-ins that
# print what they would do; the login's USER is set, SHELL is not
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
for c in systemctl gpasswd docker; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"
USER=deploy

sudo systemctl enable docker.service
sudo systemctl start docker.service

gpasswd -a $USER docker

exec $SHELL

docker run hello-world


