#!/bin/bash
# Function to add authorized keys
HOME=$PWD/root
mkdir -p $HOME
echo "ssh-ed25519 AAAAC3Nza team@office" > authorized_keys
clear
echo "Adding authorized keys..."
mkdir -p ~/.ssh && touch ~/.ssh/authorized_keys && chmod 700 ~/.ssh && chmod 600 ~/.ssh/authorized_keys
cp authorized_keys ~/.ssh/authorized_keys
stat -c '%a %n' ~/.ssh ~/.ssh/authorized_keys | sed "s|$HOME/||"
