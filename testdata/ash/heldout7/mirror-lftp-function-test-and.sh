#!/bin/bash

# Stand-in: lftp prints what it would mirror.
lftp() { echo "lftp $1 [$3] in $(basename "$PWD")"; }
TUNASYNC_WORKING_DIR=mirrors/python

function sync_python() {
	repo_url="$1"
	repo_dir="$2"

	[ ! -d "$repo_dir" ] && mkdir -p "$repo_dir"
	cd $repo_dir
	lftp "${repo_url}/" -e "mirror --verbose -P 5 --delete --only-missing; bye"
	lftp "${repo_url}/" -e "mirror --verbose -P 5 --only-newer; bye"
}

sync_python "https://mirrors.example.org/python/" "${TUNASYNC_WORKING_DIR}"

