# chsh, ruby, xcode-select and brew are stand-ins on PATH that print what
# they would do; curl prints a one-line installer; the script's name is
# printed without its directory
mkdir -p bin
for c in chsh ruby xcode-select brew; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
printf '#!/bin/sh\nfor a; do :; done\necho "echo installer from ${a%%%%/tools*}"\n' > bin/curl
chmod +x bin/*
PATH="$PWD/bin:$PATH"

chsh -s $(which zsh)

echo ${0##*/}

ruby -e "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/master/install)"

xcode-select —-install

brew install zsh

sh -c "$(curl -fsSL https://raw.github.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"
