#!/bin/bash
# Stand-in: autossh prints what it would do.
autossh() { printf '%s\n' "autossh" "$@"; }
LOCAL_PORT=15432
FORWARD_HOST=db.internal
FORWARD_PORT=5432
KEYFILE=keys/tunnel.pem
TUNNEL_USER=forward
TUNNEL_HOST=bastion.example
autossh -N -M 0 -o StrictHostKeyChecking=false -o "ServerAliveInterval 30" -o "ServerAliveCountMax 3" -4 -L 0.0.0.0:$LOCAL_PORT:$FORWARD_HOST:$FORWARD_PORT -i $KEYFILE $TUNNEL_USER@$TUNNEL_HOST
