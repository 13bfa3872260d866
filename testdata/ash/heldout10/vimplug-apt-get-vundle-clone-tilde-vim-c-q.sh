#!/bin/sh

# apt-get and vim are stand-ins; git makes the directories a clone would;
# HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
for c in apt-get vim; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
cat > bin/git <<'EOF'
#!/bin/sh
# git clone URL [DIR]: makes the directory the clone would
[ "$1" = clone ] || { echo "git $*"; exit 0; }
dir=${3:-$(basename "$2" .git)}
mkdir -p "$dir/doc" && echo "Cloning into '$(basename "$dir")'..."
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

apt-get update
apt-get install -y vim git
git clone https://github.com/VundleVim/Vundle.vim.git ~/.vim/bundle/Vundle.vim

# install the vim plugins
echo "-->install vim plugins..."
vim -c PluginInstall -c q -c q
cd ~ && find . -type d | sort
