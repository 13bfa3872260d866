#!/bin/env bash

# Create a btrfs snapshot of the root filesystem and delete old snapshots,
# keeping data usage manageable.

_snapshotsDir="snapshots"
_keep=2
mkdir -p "$_snapshotsDir"/{2024-01-01,2024-01-02,2024-01-03}
logger() { shift 2; echo "log: $*"; }
mount() { echo "tmpfs on /run type tmpfs (rw)"; echo "/dev/sda2 on / type btrfs (rw)"; }
umount() { echo "umount $*"; }
btrfs() {
	case $2 in
	snapshot) mkdir -p "$5"; echo "snapshot of $4" ;;
	delete) rmdir "$3"; echo "deleted $3" ;;
	esac
}

function sysLog () { logger -t btrfs-snapshot "$@" ; }

# shellcheck disable=SC2317
function cleanUp () {

    if mountedTmp="$(mount | awk '$3 ~ /^\/tmp\// { print $3}')" ; then

        [ -n "${mountedTmp}" ] && { umount "${mountedTmp}" || { sysLog "Failed to unmount ${mountedTmp}" ; exit 1 ; } ; }
        sysLog "Temporary directory ${_snapshotsDir} removed successfully" ; exit 0
    else
        sysLog "No temporary directory mounted" ; exit 0
    fi

}

trap cleanUp EXIT

btrfs subvolume snapshot -r / "${_snapshotsDir}/2024-01-04" || exit 1
mapfile -t _all < <(ls -1 "${_snapshotsDir}")
(( ${#_all[@]} > _keep )) && for old in "${_all[@]:0:${#_all[@]}-_keep}"; do
    btrfs subvolume delete "${_snapshotsDir}/${old}"
done
ls "${_snapshotsDir}"
