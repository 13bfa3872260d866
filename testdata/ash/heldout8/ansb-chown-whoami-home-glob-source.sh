#!/bin/bash

# Stand-ins: apt and sudo print what they would do (names, not paths);
# whoami gives a fixed user; pip3 installs ansible into the user's bin
# directory, and ansible is found only when that directory is on PATH (as
# on a host with no ansible of its own); the home directory is local.
export HOME=$PWD/home
mkdir -p "$HOME" bin
echo notes > "$HOME/notes.txt"
apt() { echo "apt $*"; }
whoami() { echo deploy; }
sudo() { printf 'sudo'; for a in "$@"; do printf ' %s' "${a##*/}"; done; echo; }
cat > bin/pip3 <<'EOF'
#!/bin/sh
echo "pip3 $*"
mkdir -p "$HOME/.local/bin"
: > "$HOME/.local/bin/ansible"
EOF
chmod +x bin/pip3
ansible() {
	case ":$PATH:" in
	*":$HOME/.local/bin:"*) [ -f "$HOME/.local/bin/ansible" ] && { echo "ansible [core 2.15.0]"; return 0; } ;;
	esac
	echo "ansible: not found" >&2; return 127
}
PATH="$PWD/bin:$PATH"

apt install -y python 

apt install -y python3-pip


mkdir -p ~/.local/bin
touch ~/.bashrc
echo 'PATH=$PATH:~/.local/bin' >> ~/.bashrc

sudo chown -R $(whoami):$(whoami) ~/*
source ~/.bashrc

pip3 install --user ansible

ansible --version
