#!/bin/bash
# Check if SSL certificate expired or will expire soon
mkdir -p bin
printf '#!/bin/sh\necho "mail $*: $(cat)"\n' > bin/mail
printf '#!/bin/sh\n[ "$1" = db.internal ] && echo "$1 has address 10.0.0.7" && exit 0\nexit 1\n' > bin/host
chmod +x bin/mail bin/host
CONNECT_TO="$1"
MAIL_TO='ssl-cert'
MIN_DAYS=30
MAIL_APP=./bin/mail
send_warning() {
	echo "$1" | $MAIL_APP -s "$CONNECT_TO - certificate expiration warning" $MAIL_TO
	return $?
}
for CONNECT_TO in db.internal:443 nowhere.invalid:443 10.0.0.9:443; do
	CHK_HOST=$( echo "$CONNECT_TO" | cut -d':' -f1 )
	echo $CHK_HOST | egrep -vq '^[0-9.]+$' &&
	./bin/host $CHK_HOST &>/dev/null ||
	send_warning "Cannot resolve $CHK_HOST"
done
