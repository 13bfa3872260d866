#!/bin/bash
# Find our package manager
mkdir -p bin
printf '#!/bin/sh\necho apt-get "$@"\n' > bin/apt-get
chmod +x bin/apt-get
PATH="$PWD/bin:$PATH"
echo 'echo "installing for ubuntu with ${VERB##*/}"' > install-ubuntu.sh
chmod +x *.sh
if VERB="$( which apt-get )" 2> /dev/null; then
   echo "Debian-based"
   source install-ubuntu.sh
elif VERB="$( which yum )" 2> /dev/null; then
   echo "Red Hat-based"
   source install-rhel.sh
else
   echo "Installer script available for Debian- and Red Hat-based Linux systems only." >&2
   exit 1
fi
