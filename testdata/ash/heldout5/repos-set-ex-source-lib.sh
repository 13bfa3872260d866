#!/bin/bash
set -ex

cat > lib.sh <<'LIB'
clone_repo() {
    echo "clone $1 into $2"
    mkdir -p "$2"
}
LIB
printf 'github.com/org/api\ngithub.com/org/web\ngithub.com/org/docs\n' > repo_list.txt
source ./lib.sh

clone_all() {

    while read -r repo;
    do
        name=$(echo "$repo"| cut -d '/' -f3)
        clone_repo "http://$repo" "$WORK_DIR/$name"
    done < repo_list.txt

}

WORK_DIR='./repos'
mkdir -p "$WORK_DIR/stale"

rm -rf "${WORK_DIR:?}"/*
clone_all
ls "$WORK_DIR"
