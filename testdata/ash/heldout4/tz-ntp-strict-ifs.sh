#!/bin/bash
#
# Script to run on machines to configure NTP and setup timezone.
# Put bash on "strict mode".
set -o errexit
set -o nounset
set -o pipefail
# Remove whitespace from default word split characters.
IFS=$'\n\t'

# Declare "die" function, used to exit with an error when preliminary checks fail.
die() {
  echo "ERROR: $*" >&2
  exit 1
}

TIMEZONE="America/New_York"
NTP_SERVERS="0.pool.ntp.org 1.pool.ntp.org"
mkdir -p etc

[[ -n "$TIMEZONE" ]] || die "no timezone"
echo "$TIMEZONE" > etc/timezone
for server in $NTP_SERVERS; do
  echo "server $server iburst" >> etc/ntp.conf
done
wc -l < etc/ntp.conf
cat etc/ntp.conf
