#!/bin/bash
printf '#!/bin/sh\necho "openvpn $1 for $2"\n' > pocket-openvpn.sh
chmod +x pocket-openvpn.sh
check() {
    FILE="$1"
    if [ ! -f $FILE ]; then
        echo -e "Error! $FILE file is not exist...\n\tcreate it first"
        return 2
    fi
    while read user
    do
        ./pocket-openvpn.sh useradd $user
    done < $FILE
}
check missing.txt || echo "rc=$?"
printf 'ann\nbob\n' > users.txt
check users.txt
exit 0
