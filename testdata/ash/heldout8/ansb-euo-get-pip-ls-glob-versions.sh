#!/bin/bash
set -euo pipefail

# Stand-ins: sudo runs the command; apt-get installs fake interpreters
# under usr/bin here; curl writes the installer file; python and pip3 (which
# a base system lacks) report versions.
mkdir -p bin usr/bin
sudo() { "$@"; }
cat > bin/apt-get <<'EOF'
#!/bin/sh
echo "apt-get $*"
case "$*" in *install*) for p in python2.7 python3 python3.11; do : > "usr/bin/$p"; done ;; esac
EOF
cat > bin/curl <<'EOF'
#!/bin/sh
echo "# get-pip" > "$3"
EOF
cat > bin/python <<'EOF'
#!/bin/sh
case "$1" in
--version) echo "Python 2.7.18" ;;
*) echo "python $*" ;;
esac
EOF
cat > bin/python3 <<'EOF'
#!/bin/sh
echo "Python 3.11.2"
EOF
cat > bin/pip3 <<'EOF'
#!/bin/sh
echo "pip 23.0.1 (python 3.11)"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

sudo apt-get update
sudo apt-get install python python3 python3-pip -y
echo "Installing Ansible with pip, as the installation guide describes"
curl https://bootstrap.pypa.io/get-pip.py -o get-pip.py
python get-pip.py --user
python -m pip install --user ansible
ls usr/bin/python*
python --version
python3 --version
pip3 --version
