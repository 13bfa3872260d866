#!/bin/sh
#
# Oh My Zsh
#
# This installs some of the common dependencies needed (or at least desired)
# using Oh My Zsh.
#
# curl prints a small installer; HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
printf '#!/bin/sh\necho "mkdir -p \\"\\$HOME/.oh-my-zsh\\"; echo Oh My Zsh installed"\n' > bin/curl
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Check for Oh My Zsh
if ! [ -d "${HOME}/.oh-my-zsh" ]
then
  echo "  Installing Oh My Zsh for you."

  sh -c "$(curl -fsSL https://raw.githubusercontent.com/robbyrussell/oh-my-zsh/master/tools/install.sh)"

fi

ls -A home
exit 0
