#!/bin/bash
ssh_public_key="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQExample deploy@ci"
home=home/ubuntu
mkdir -p $home/.ssh
echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQOld old@host" > $home/.ssh/authorized_keys
cp $home/.ssh/authorized_keys $home/.ssh/authorized_keys.bak
echo "${ssh_public_key}" >> $home/.ssh/authorized_keys
chown -R root $home/.ssh/authorized_keys

chmod 700 $home/.ssh
chmod 600 $home/.ssh/authorized_keys
ls -l $home/.ssh | awk 'NR>1 {print $1, $NF}'
