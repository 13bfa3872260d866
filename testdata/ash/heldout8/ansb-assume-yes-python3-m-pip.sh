#!/bin/bash

# Stand-ins: apt-get prints what it would do; python3 (which a base
# system lacks) installs an ansible command when asked to.
mkdir -p bin
cat > bin/apt-get <<'EOF'
#!/bin/sh
echo "apt-get $*"
EOF
cat > bin/python3 <<'EOF'
#!/bin/sh
echo "python3 $*"
d=$(dirname "$0")
printf '#!/bin/sh\necho "ansible [core 2.16.3]"\n' > "$d/ansible"
chmod +x "$d/ansible"
EOF
chmod +x bin/apt-get bin/python3
PATH="$PWD/bin:$PATH"

apt-get update && apt-get upgrade --assume-yes --quiet
apt-get install --assume-yes --quiet python3 python3-pip

python3 -m pip install ansible

ansible --version
