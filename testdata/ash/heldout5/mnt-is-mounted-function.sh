#!/usr/bin/env bash

# This scripts mounts the nfs server, unless it's already mounted.

MOUNT_POINT=camera_share
MOUNT_REMOTE_NODE=192.168.1.50:/srv/camera
mount() {
	if [ "$1" = "-v" ]; then
		[ -f mounted ] && echo "$MOUNT_REMOTE_NODE on $MOUNT_POINT type nfs4 (rw)"
		echo "proc on /proc type proc (rw)"
	else
		echo "mount $*"; touch mounted
	fi
}

function is_mounted() {
    if [[ $(mount -v | grep ${MOUNT_POINT}) ]]; then
        return 0; # true
    else
        return 1; # false
    fi
}


function do_the_mounting() {
    mkdir -p ${MOUNT_POINT}

    if ! is_mounted; then
        mount ${MOUNT_REMOTE_NODE} ${MOUNT_POINT};
    fi
}

do_the_mounting
do_the_mounting
is_mounted && echo "mounted once"
