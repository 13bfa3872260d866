#!/bin/bash

# Stand-ins: sshpass and ssh print what they would do; the link drops.
sshpass() { shift 2; echo "sshpass -p ****** $*"; return 255; }
USER=fieldkit
set -- ops@relay.example 2201 not-a-real-password

FWD_PORT=2222
WAIT_SECONDS=60

if [ "$#" != "3" ]; then
  echo "Maintain a reverse ssh connection, forwarding port $FWD_PORT on the remote machine."
  echo "If the connection fails or is dropped, wait $WAIT_SECONDS seconds and retry."
  echo "Usage: $(basename $0) [remote_user@]remote_server port password"
  echo "Then, on the remote ssh server: ssh $USER@localhost -p $FWD_PORT"
  exit
fi

REMOTE_ADDRESS=$1
REMOTE_PORT=$2
PASSWORD=$3

# By default the tunnel never seems to time out: if the server goes away
# after the connection was made, it would never be made again. The
# keepalive options make ssh notice and exit, and the loop retries.
attempt=1
while [ $attempt -le 2 ]; do
  echo "attempt $attempt: connecting to $REMOTE_ADDRESS:$REMOTE_PORT"
  sshpass -p "$PASSWORD" ssh -N -o ServerAliveInterval=30 -o ServerAliveCountMax=2 \
    -o ExitOnForwardFailure=yes -p $REMOTE_PORT -R $FWD_PORT:localhost:22 $REMOTE_ADDRESS
  echo "connection lost (status $?), retrying in $WAIT_SECONDS seconds"
  attempt=$((attempt + 1))
  sleep 0.1
done
