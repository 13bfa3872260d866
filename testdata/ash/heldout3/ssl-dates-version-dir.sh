#!/bin/bash
# Checking TLS/SSL certificate expiration date, as a cron job
hostname() { echo "www.example.org"; }
openssl() { case "$1" in version) echo 'OPENSSLDIR: "/usr/lib/ssl"';; x509) echo "notBefore=Jan  1 00:00:00 2024 GMT"; echo "notAfter=Jan  1 00:00:00 2040 GMT";; *) cat >/dev/null;; esac; }
SERVER_NAME=$(hostname -f)
PORT=443
OPENSSL_DIR=$(openssl version -d)
echo -e "Certificate directory: $OPENSSL_DIR"
echo | openssl s_client -servername ${SERVER_NAME} -connect ${SERVER_NAME}:${PORT} | openssl x509 -noout -dates
