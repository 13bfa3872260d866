#!/bin/bash
# Installs symlinks in $HOME to point to the dotfiles in the repo.
# Old dotfiles are saved in a tarball in $HOME.
HOME=$PWD/home
mkdir -p home repo/.vim
cd repo
for f in .bashrc .bash_profile .gitconfig .hgrc .inputrc .perlrc .screenrc .vimrc; do echo "$f" > $f; done
cd ..
echo mine > home/.bashrc
echo mine > home/.vimrc

# List of dotfiles and dotfolders to create symlinks to in $HOME.
dotfiles=$(cat <<EOF2
.bashrc
.bash_profile
.gitconfig
.hgrc
.inputrc
.perlrc
.screenrc
.vim
.vimrc
EOF2
)

preexisting_dotfiles=$(
    for file in $dotfiles; do
    	if [[ -e $HOME/$file ]]; then
    		echo $file
    	fi
    done
)

# Backup preexisting dotfiles
if [[ -n "$preexisting_dotfiles" ]]; then
	backup="$HOME/dotfile_$(date +%F).bak.tar.gz"
	tar -C $HOME -czf $backup $preexisting_dotfiles
	tar -tzf $backup | sort
fi

repodir=$(dirname $(readlink -f $0))
for file in $dotfiles; do
    if [[ -f $HOME/$file ]]; then
    	rm $HOME/$file
    fi
    ln -s ../repo/$file $HOME/$file
done
ls -A $HOME | grep -v '^dotfile_'
[ -d "$repodir" ] && echo "repo found"
