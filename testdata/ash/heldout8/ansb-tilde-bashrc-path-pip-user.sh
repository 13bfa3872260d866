#!/bin/bash
# Stand-ins: sudo runs the command; apt-get prints what it would do; pip3
# installs ansible into the user's bin directory, and the ansible commands
# are found only when that directory is on PATH (as on a host with no
# ansible of its own); the home directory is local.
export HOME=$PWD/home
mkdir -p "$HOME" bin
sudo() { "$@"; }
cat > bin/apt-get <<'EOF'
#!/bin/sh
echo "apt-get $*"
EOF
cat > bin/pip3 <<'EOF'
#!/bin/sh
echo "pip3 $*"
mkdir -p "$HOME/.local/bin"
: > "$HOME/.local/bin/ansible"
EOF
cat > bin/ansible-playbook <<'EOF'
#!/bin/sh
case ":$PATH:" in
*":$HOME/.local/bin:"*) [ -f "$HOME/.local/bin/ansible" ] && { echo "PLAY RECAP: $2 ok=4 changed=1"; exit 0; } ;;
esac
echo "ansible-playbook: not found" >&2; exit 127
EOF
chmod +x bin/apt-get bin/pip3 bin/ansible-playbook
ansible() {
	case ":$PATH:" in
	*":$HOME/.local/bin:"*) [ -f "$HOME/.local/bin/ansible" ] && { echo "ansible [core 2.16.3]"; return 0; } ;;
	esac
	echo "ansible: not found" >&2; return 127
}
PATH="$PWD/bin:$PATH"

sudo apt-get update
sudo apt-get install python3 -y
mkdir -p ~/.local/bin
echo 'PATH=$PATH:~/.local/bin' >> ~/.bashrc
. ~/.bashrc
pip3 install --user ansible
ansible --version

ansible-playbook -i inventory.cfg playbook.yaml
