#!/bin/bash
set -- "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIArg operator@desk"
HOME=$PWD
mkdir -p $HOME/.ssh
user_public_key=$1
if [ "$user_public_key" != "None" ] ; then
    echo "$user_public_key" >> $HOME/.ssh/authorized_keys

    if [[ $? -ne 0 ]]; then
    	echo "FAILED to add public ssh key"
    	exit 1
    else
    	echo "SUCCESFULLY added public ssh key"
	fi
fi
