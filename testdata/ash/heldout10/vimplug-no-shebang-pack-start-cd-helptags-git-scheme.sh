# vim is a stand-in; git makes the directories a clone would; HOME is below
# the working directory
mkdir -p bin home
export HOME="$PWD/home"
printf '#!/bin/sh\necho "vim $*"\n' > bin/vim
cat > bin/git <<'EOF'
#!/bin/sh
# git clone URL [DIR]: makes the directory the clone would
[ "$1" = clone ] || { echo "git $*"; exit 0; }
dir=${3:-$(basename "$2" .git)}
mkdir -p "$dir/doc" && echo "Cloning into '$(basename "$dir")'..."
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

git clone https://github.com/VundleVim/Vundle.vim.git ~/.vim/bundle/Vundle.vim
mkdir -p ~/.vim/pack/tpope/start
cd ~/.vim/pack/tpope/start
git clone https://tpope.io/vim/fugitive.git
vim -u NONE -c "helptags fugitive/doc" -c q
git clone https://github.com/sjl/gundo.vim.git ~/.vim/bundle/gundo
mkdir -p ~/.vim/bundle
cd ~/.vim/bundle
git clone git://github.com/godlygeek/tabular.git
git clone https://github.com/vim-airline/vim-airline ~/.vim/bundle/vim-airline
git clone https://github.com/preservim/nerdtree.git ~/.vim/bundle/nerdtree
git clone https://github.com/fatih/vim-go.git ~/.vim/pack/plugins/start/vim-go
cd ~ && find . -type d ! -name doc | sort
