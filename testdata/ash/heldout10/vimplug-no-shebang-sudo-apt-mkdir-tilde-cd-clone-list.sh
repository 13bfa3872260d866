# sudo runs its command; apt is a stand-in; git makes the directories a
# clone would; HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "apt $*"\n' > bin/apt
cat > bin/git <<'EOF'
#!/bin/sh
# git clone URL [DIR]: makes the directory the clone would
[ "$1" = clone ] || { echo "git $*"; exit 0; }
dir=${3:-$(basename "$2" .git)}
mkdir -p "$dir/doc" && echo "Cloning into '$(basename "$dir")'..."
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

sudo apt install -y vim-addon-manager vim-airline vim-fugitive vim-pathogen vim-snipmate

mkdir ~/.vim
mkdir ~/.vim/bundle
cd ~/.vim/bundle
git clone https://github.com/tpope/vim-surround
git clone https://github.com/scrooloose/nerdtree
git clone https://github.com/tpope/vim-commentary
git clone https://github.com/ervandew/supertab
git clone https://github.com/junegunn/fzf.vim
git clone https://github.com/davidhalter/jedi-vim
git clone https://github.com/airblade/vim-gitgutter
ls
