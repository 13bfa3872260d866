#!/bin/bash
# Block ad serving and tracking system-wide even before a request is issued to them.

SOURCE='http://someonewhocares.org/hosts/zero/hosts'
BACKUP='https://raw.github.com/MattiSG/adblock/master/hosts.default'
TARGET='etc/hosts'
DOWNLOADED='etc/hosts.blocklist'
ORIGINAL='etc/hosts.without-adblock'
mkdir -p etc
sudo() { "$@"; }
sw_vers() { echo 10.9.5; }
killall() { echo "killall $*"; }
dscacheutil() { echo "dscacheutil $*"; }
curl() { printf '0.0.0.0 ad.example\n'; }


# source: http://support.apple.com/kb/HT5343
clear_dns_cache() {
	if sw_vers -productVersion | grep -q 10.6
	then sudo dscacheutil -flushcache
	else sudo killall -HUP mDNSResponder
	fi

	echo 'DNS cache flushed.'
}

initialize() {
	echo -n "Backing up your $TARGET file. "
	if [[ -a "$TARGET" ]]
	then sudo mv "$TARGET" "$ORIGINAL"
	else
		echo 'Oops, no hosts file found!'
		read -p "Do you want to get a default one? [y/N] " answer
		[[ $answer = y ]] && curl -s "$BACKUP" > "$ORIGINAL" || return 1
	fi
	echo 'Done.'
}

update() {
	curl -s "$SOURCE" > "$DOWNLOADED"
	cat "$ORIGINAL" "$DOWNLOADED" > "$TARGET"
}

initialize <<'ANSWER'
y
ANSWER
update
clear_dns_cache
cat "$TARGET"
