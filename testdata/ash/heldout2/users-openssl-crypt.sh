#!/bin/bash
# Create users in batch from a file of usernames and passwords
sudo() { "$@"; }
useradd() { echo "useradd $*"; }
openssl() { echo "HASH($3)"; }
printf 'user1 secret1\nuser2 secret2\n' > users.txt
set -- users.txt
USERFILE=$1
cat $USERFILE |
    while read i
    do
        u=$(echo $i | cut -d " " -f 1)
        p=$(echo $i | cut -d " " -f 2)
        echo "Adding: $u"
        sudo useradd -d /home/$u -g users -k /etc/skel/ -m \
            -p $(openssl passwd -crypt $p) -s /bin/sh $u
    done
