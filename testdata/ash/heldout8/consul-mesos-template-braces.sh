#!/bin/bash

# Stand-in: mesos-consul prints the options it was given.
mkdir -p usr/local/bin
cat > usr/local/bin/mesos-consul <<'EOF'
#!/bin/sh
for a in "$@"; do echo "mesos-consul: $a"; done
EOF
chmod +x usr/local/bin/mesos-consul

usr/local/bin/mesos-consul \
    --healthcheck \
    --log-level=info \
    --zk={{zookeepers}}/mesos
