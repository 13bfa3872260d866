#!/bin/sh

# Stand-in: ssh prints what it would do (to stderr, as -v does) and drops.
ssh() { echo "ssh $*"; return 255; }
mkdir -p tunnels
cat > tunnels/office.tunnel.conf <<'EOF'
SSH_TUNNEL_REMOTE_HOST=relay.example
SSH_TUNNEL_REMOTE_USER=tracker
SSH_TUNNEL_REMOTE_PORT=22222
SSH_TUNNEL_LOCAL_HOST=localhost
SSH_TUNNEL_LOCAL_PORT=22
SSH_TUNNEL_SERVER_ALIVE_INTERVAL=10
SSH_TUNNEL_SERVER_ALIVE_COUNT_MAX=1
SSH_TUNNEL_WAIT_DURATION=0.1
EOF
set -- office

WORKING_DIR=`dirname ./tunnels/tunnel.sh`

if [ -z "$1" ]; then
    echo " "
    echo "  Usage: $0 <tunnel-name>"
    echo " "
    echo "Create and maintain a reverse SSH tunnel using settings from"
    echo "a corresponding configuration file <tunnel-name>.tunnel.conf"
    exit 1
fi
TUNNEL_NAME=$1
CONF_FILE=$WORKING_DIR/$TUNNEL_NAME.tunnel.conf

if [ ! -f $CONF_FILE ]; then
    echo "Configuration file, $CONF_FILE, not found"
    exit 2
fi

# Load user configuration
. $CONF_FILE

tries=0
while true; do
    echo `date +"%Y-%m-%d %H:%M:%S"` \
        Establishing SSH tunnel to $SSH_TUNNEL_REMOTE_HOST 1>&2
    ssh -N -4 \
        -v \
        -o ConnectTimeout=30 \
        -o TCPKeepAlive=yes \
        -o ExitOnForwardFailure=yes \
        -o ServerAliveInterval=$SSH_TUNNEL_SERVER_ALIVE_INTERVAL \
        -o ServerAliveCountMax=$SSH_TUNNEL_SERVER_ALIVE_COUNT_MAX \
        -R $SSH_TUNNEL_REMOTE_PORT:$SSH_TUNNEL_LOCAL_HOST:$SSH_TUNNEL_LOCAL_PORT \
        $SSH_TUNNEL_REMOTE_USER@$SSH_TUNNEL_REMOTE_HOST
    echo "ssh exited with $?"
    tries=`expr $tries + 1`
    [ $tries -ge 2 ] && break
    sleep $SSH_TUNNEL_WAIT_DURATION
done
