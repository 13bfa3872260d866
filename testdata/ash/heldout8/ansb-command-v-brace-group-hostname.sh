#!/bin/bash
# Stand-ins: ssh-copy-id and ansible-playbook print what they would do.
mkdir -p bin
cat > bin/ssh-copy-id <<'EOF'
#!/bin/sh
echo "Number of key(s) added: 1 ($1)"
EOF
cat > bin/ansible-playbook <<'EOF'
#!/bin/sh
echo "ansible-playbook $*"
EOF
chmod +x bin/ssh-copy-id bin/ansible-playbook
PATH="$PWD/bin:$PATH"
set -- web1.example.invalid

set -e
if [ $# -ne 1 ]; then
    echo "Usage: ./bootstrap.sh <hostname>"
    exit 1
fi
command -v ansible-playbook >/dev/null 2>&1 || { echo "Switch to a Python virtualenv with ansible installed (pip install ansible)."; exit 1; }
ssh-copy-id root@$1
ansible-playbook -i "$1," --user="root" bootstrap.yaml
