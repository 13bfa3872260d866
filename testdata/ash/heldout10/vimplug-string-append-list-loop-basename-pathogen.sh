#!/bin/bash
# This script install some useful plugins for you.
#
# git makes the directories a clone would; curl writes a stub pathogen;
# HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
cat > bin/git <<'EOF'
#!/bin/sh
# git clone URL [DIR]: makes the directory the clone would
[ "$1" = clone ] || { echo "git $*"; exit 0; }
dir=${3:-$(basename "$2" .git)}
mkdir -p "$dir/doc" && echo "Cloning into '$(basename "$dir")'..."
EOF
cat > bin/curl <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
  case $1 in -*o) out=$2; shift ;; esac
  shift
done
echo '" pathogen stub' > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# vim-fugitive - Awesome git plugin
PLUGINS="git://github.com/tpope/vim-fugitive.git"
# vim-airline - lightweight powerline alternative (pure vim, no python)
PLUGINS="$PLUGINS https://github.com/bling/vim-airline.git"
# CTRLP - Fuzzy file open
PLUGINS="$PLUGINS https://github.com/kien/ctrlp.vim.git"
# QML syntax support
PLUGINS="$PLUGINS https://github.com/peterhoeg/vim-qml.git"
# Nerdtree
PLUGINS="$PLUGINS https://github.com/scrooloose/nerdtree"
# Autoclose
PLUGINS="$PLUGINS https://github.com/Townk/vim-autoclose.git"
# Autoclose
PLUGINS="$PLUGINS https://github.com/Rip-Rip/clang_complete"
# snipMate
#PLUGINS="$PLUGINS https://github.com/msanders/snipmate.vim.git"

# pathogen loads everything in ~/.vim/bundle
mkdir -p ~/.vim/autoload ~/.vim/bundle
curl -LSso ~/.vim/autoload/pathogen.vim https://tpo.pe/pathogen.vim

cd ~/.vim/bundle
for PLUGIN in $PLUGINS; do
    NAME=$(basename $PLUGIN .git)
    if [ -d "$NAME" ]; then
        echo "$NAME is already installed"
    else
        git clone $PLUGIN
    fi
done

if ! grep -q pathogen ~/.vimrc 2>/dev/null; then
    echo "execute pathogen#infect()" >> ~/.vimrc
fi
ls ~/.vim/bundle
cat ~/.vimrc
