#!/bin/sh
HOME=$PWD/home
mkdir -p "$HOME"
printf 'ssh-rsa AAAAexisting old@host' > "$HOME/.ssh-seed"

#create HOME/.ssh dir if not existed
if [ ! -d ~/.ssh ]; then
    mkdir -p ~/.ssh;
    chmod 700 ~/.ssh;
fi
cp "$HOME/.ssh-seed" ~/.ssh/authorized_keys

#add new line to the end if not present
if [ -f ~/.ssh/authorized_keys ]; then
    if [ "`tail -c 1 ~/.ssh/authorized_keys`" != "" ]; then
        echo "" >> ~/.ssh/authorized_keys;
    fi
fi

#add ssh pub key
cat >> ~/.ssh/authorized_keys << EOF2
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDEb5v2wjLeL2M8 someone@laptop
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC2SFtarNKZjpHB someone@desk
EOF2

#secure mod
chmod 600 ~/.ssh/authorized_keys;

echo "Done Adding Keys."
awk '{print $NF}' ~/.ssh/authorized_keys
