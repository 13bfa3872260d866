#!/bin/bash -i

# xcode-select and brew are stand-ins; curl prints a one-line installer;
# HOME is below the working directory; bootstrap.sh is made first
mkdir -p bin home
export HOME="$PWD/home"
echo 'echo "bootstrap: linking dotfiles"' > bootstrap.sh
for c in xcode-select brew; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
printf '#!/bin/sh\necho "echo Homebrew installer ran"\n' > bin/curl
chmod +x bin/*
PATH="$PWD/bin:$PATH"

xcode-select --install
/bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"
echo 'eval "$(/opt/homebrew/bin/brew shellenv)"' >> ~/.profile
echo 'eval "$(/opt/homebrew/bin/brew shellenv)"' >> ~/.bash_profile
source ~/.bash_profile
brew install bash
bash -i ./bootstrap.sh
