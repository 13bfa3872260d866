#!/bin/bash
KEYS_DIR=./keys
AUTH=./authorized_keys
mkdir -p $KEYS_DIR
echo "ssh-ed25519 AAAA alice" > $KEYS_DIR/alice.pub
echo "ssh-ed25519 BBBB bob" > $KEYS_DIR/bob.pub
: > $AUTH
for key in $KEYS_DIR/*.pub; do
	user=$(basename $key .pub)
	echo "# $user" >> $AUTH
	cat $key >> $AUTH
done
echo "$(grep -c ssh-ed25519 $AUTH) keys installed"
