#!/bin/bash
# post-renewal hook: copy certs for each renewed domain
RENEWED_DOMAINS="example.org www.example.org"
RENEWED_LINEAGE=./live/example.org
mkdir -p "$RENEWED_LINEAGE" certs
echo cert > "$RENEWED_LINEAGE/fullchain.pem"
for domain in $RENEWED_DOMAINS; do
  case $domain in
    example.org)
      cp "$RENEWED_LINEAGE/fullchain.pem" "certs/$domain.pem"
      chmod 600 "certs/$domain.pem"
      ;;
  esac
done
ls certs
