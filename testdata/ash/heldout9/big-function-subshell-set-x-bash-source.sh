#!/bin/sh
## find-largefiles.sh

mkdir -p pics
head -c 20480 /dev/zero > pics/one.raw
head -c 4096 /dev/zero > pics/two.raw

function find_largefiles () {
    (set -x; _find_largefiles ${@}; return)
    return
}

function _find_largefiles () {
    # find-largefiles() -- files larger than size (default: +10M)
    SIZE=${1:-"+10M"}
    find . -xdev -type f -size "${SIZE}" -exec ls -al {} \;
    return
}

if [ "${BASH_SOURCE}" == "${0}" ]; then
    # mode, size and name: owner and time differ between hosts
    find_largefiles +8k | awk '{print $1, $5, $NF}'
    exit
fi
echo "sourced, nothing to do"
