# install vim plugins to pack/plugins/start
#
# git makes the directories a clone would
mkdir -p bin
cat > bin/git <<'EOF'
#!/bin/sh
# git clone URL [DIR]: makes the directory the clone would
[ "$1" = clone ] || { echo "git $*"; exit 0; }
dir=${3:-$(basename "$2" .git)}
mkdir -p "$dir/doc" && echo "Cloning into '$(basename "$dir")'..."
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# add nerdtree
git clone git@github.com:scrooloose/nerdtree.git pack/plugins/start/nerdtree

# add tagbar
git clone git@github.com:majutsushi/tagbar.git pack/plugins/start/tagbar

# add ctrlp.vim
git clone git@github.com:kien/ctrlp.vim.git pack/plugins/start/ctrlp.vim

# add vim-test
git clone git@github.com:janko/vim-test.git pack/plugins/start/vim-test

# add vim-fugitive
git clone git@github.com:tpope/vim-fugitive.git pack/plugins/start/vim-fugitive

# add ultisnips
git clone git@github.com:SirVer/ultisnips.git pack/plugins/start/ultisnips

ls pack/plugins/start
