#!/bin/bash

: '
save SSH key to authorized_keys
'
mkdir -p .ssh
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOne user@laptop\n' > .ssh/id_ed25519.pub
execute_command() { eval "$1"; }
create_new_line() { echo >> authorized_keys; }

SSH_KEY=$(cat .ssh/id_*.pub | tr -d '\n')

execute_command "echo '${SSH_KEY}' >> authorized_keys"
create_new_line
wc -l < authorized_keys
