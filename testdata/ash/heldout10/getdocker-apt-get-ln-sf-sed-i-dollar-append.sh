#!/bin/bash

# sudo runs its command; apt-get and docker are stand-ins; the system
# paths are below the working directory, with the completion file there first
mkdir -p bin usr/bin usr/local etc/bash_completion.d
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
for c in apt-get docker; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
printf '#!/bin/sh\necho docker.io\n' > usr/bin/docker.io
chmod +x bin/* usr/bin/docker.io
printf '# bash completion for docker.io\n_docker() { :; }\n' > etc/bash_completion.d/docker.io
PATH="$PWD/bin:$PATH"

sudo apt-get update
sudo apt-get -y install docker.io
sudo ln -sf usr/bin/docker.io usr/local/docker
sudo sed -i '$acomplete -F _docker docker' etc/bash_completion.d/docker.io
sudo docker run -i -t ubuntu /bin/bash
cat etc/bash_completion.d/docker.io
ls -l usr/local/docker | sed 's/.* usr/usr/'
