#!/bin/sh
file=./sshd_config
printf 'Port 22\n#PermitRootLogin yes\n' > "$file"
ensure() {
	key=$1 value=$2
	if grep -q "^#\{0,1\}$key " "$file"; then
		sed -i "s/^#\{0,1\}$key .*/$key $value/" "$file"
	else
		echo "$key $value" >> "$file"
	fi
}
ensure PermitRootLogin no
ensure PasswordAuthentication no
cat "$file"
