#!/bin/bash
# sudo runs its command; dnf and flatpak are stand-ins
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
for c in dnf flatpak; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

sudo dnf install flatpak
flatpak remote-add --if-not-exists flathub https://dl.flathub.org/repo/flathub.flatpakrepo
flatpak install flathub
flatpak upgrade
