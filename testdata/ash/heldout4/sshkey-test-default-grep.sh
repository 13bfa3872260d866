#!/bin/bash -eu

# This script takes a public rsa key as an argument,
# and adds it to the ~/.ssh/authorized_keys file.
set -- "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCexample admin@bastion"
HOME=$PWD/h
mkdir -p "$HOME"

if test -z "${1:-}"; then
	echo "Did not specify the public key (as the first argument)"
	exit 1
fi

KEY="$1"
echo "Authorizing the public key:"
echo "    $KEY"

# Check if the corresponding files exist, and if not, create them with the correct permissions.
if ! test -f ~/.ssh/authorized_keys; then
  if ! test -d ~/.ssh; then
    mkdir -p ~/.ssh
    chmod 700 ~/.ssh
  fi
  touch ~/.ssh/authorized_keys
  chmod 600 ~/.ssh/authorized_keys
fi

echo "Contents of ~/.ssh:"
# shellcheck disable=SC2012
ls -a ~/.ssh | sed 's/^/    /'

# Check if the key has already been authorized
if grep -qF "$KEY" ~/.ssh/authorized_keys; then
  echo "Key already authorized"
else
  echo "$KEY" >> ~/.ssh/authorized_keys
  echo "Key authorized"
fi
