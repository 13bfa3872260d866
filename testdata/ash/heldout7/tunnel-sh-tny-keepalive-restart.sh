#!/bin/sh

# Options:
# -T don't allocate a pty
# -i identity file
# -K keepalive (seconds?)
# -y accept host key
# -N don't run a remote command
# -R remote port forwarding

# Stand-in: the client prints what it would do and exits as if the link dropped.
ssh() { echo "ssh $*"; return 1; }
SSH_KEY=keys/id_ed25519
SSH_FORWARD_HOST=web
SSH_FORWARD_PORT=8080
SSH_USER=tunnel
SSH_HOST=relay.example
SSH_PORT=2222

n=0
while true; do
    echo "Starting ssh client..."
    ssh -TNy -K 300 -i ${SSH_KEY} -R 0:${SSH_FORWARD_HOST}:${SSH_FORWARD_PORT} \
        ${SSH_USER}@${SSH_HOST}/${SSH_PORT}
    echo "SSH client died, restarting..."
    n=$((n + 1))
    [ $n -lt 2 ] || break
    sleep 0.1
done
