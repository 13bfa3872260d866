#!/usr/bin/env bash
# mntnfs
# see mntnfs -h for info/help

# Constants
readonly XLTAPPNAME="mntnfs"
readonly XLTAPPCMD="mntnfs"
readonly XLTAPPDESC="mount the NFS shares of the home server"
readonly XLTAPPVER="1.0"
readonly XLTAPPREQPKGS=""
readonly TRUE=0
readonly FALSE=1

# Mount Options (see mount man pages for info).
readonly MOUNTOPTS="-o rw,hard,intr,tcp,actimeo=1800"
readonly SERVER="nas.local"
readonly MOUNTBASE="nfs"
readonly SHARES="media backup"

mount() { echo "mount $*"; }

usage() {
    printf "%s v%s - %s\n" "$XLTAPPNAME" "$XLTAPPVER" "$XLTAPPDESC"
    printf "Usage: %s [-h|-m|-u]\n" "$XLTAPPCMD"
}

set -- -m
case "$1" in
    -h) usage; exit $TRUE ;;
    -m)
        for share in $SHARES; do
            mkdir -p "$MOUNTBASE/$share"
            mount -t nfs $MOUNTOPTS "$SERVER:/$share" "$MOUNTBASE/$share"
        done ;;
    *) usage; exit $FALSE ;;
esac
echo "version $XLTAPPVER"
