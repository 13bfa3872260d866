#!/bin/bash
sudo() { "$@"; }
apt-get() { echo "apt-get $*"; }
virtualenv() { echo "virtualenv $*"; for dir; do :; done; mkdir -p "$dir/bin"; printf 'echo "venv on"\n' > "$dir/bin/activate"; }
pip() { echo "pip $*"; }
HOME=$PWD
touch requirements.txt
sudo apt-get install virtualenv -y
virtualenv -q -p /usr/bin/python3.5 ~/.venv | sed "s|$HOME|~|"
source ~/.venv/bin/activate
pip install -r requirements.txt
