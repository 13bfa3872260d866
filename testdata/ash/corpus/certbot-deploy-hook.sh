#!/bin/sh
# Deploy hook: copy renewed certificates and reload the web server.
set -e
RENEWED_LINEAGE=${RENEWED_LINEAGE:-./letsencrypt/live/example.com}
DEST=./etc/ssl/private
mkdir -p "$RENEWED_LINEAGE" "$DEST"
echo cert > "$RENEWED_LINEAGE/fullchain.pem"
echo key > "$RENEWED_LINEAGE/privkey.pem"
for f in fullchain.pem privkey.pem; do
	install -m 0600 "$RENEWED_LINEAGE/$f" "$DEST/$f"
done
reload() { echo "reloading nginx"; }
reload
ls "$DEST"
