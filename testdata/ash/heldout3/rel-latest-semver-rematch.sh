#!/usr/bin/env bash
set -e
git() { printf 'v1.2.0\nv1.10.0\nnot-a-version\nv1.9.9\n'; }
find_latest_semver() {
    pattern="^v([0-9]+\.[0-9]+\.[0-9]+)\$"
    versions=$(for tag in $(git tag); do
        [[ "$tag" =~ $pattern ]] && echo "${BASH_REMATCH[1]}"
    done)
    if [ -z "$versions" ]; then
        echo 0.0.0
    else
        echo "$versions" | tr '.' ' ' | sort -nr -k 1 -k 2 -k 3 | tr ' ' '.' | head -1
    fi
}
increment_ver() {
    if [[ $1 == 'major' ]]; then
        awk_ptr='{printf("%d.%d.%d", $1+1, 0 , 0)}'
    elif [[ $1 == 'minor' ]]; then
        awk_ptr='{printf("%d.%d.%d", $1, $2+1 , 0)}'
    elif [[ $1 == 'patch' ]]; then
        awk_ptr='{printf("%d.%d.%d", $1, $2 , $3+1)}'
    fi
    find_latest_semver | awk -F. "$awk_ptr"
    echo
}
increment_ver minor
increment_ver patch
