#!/bin/bash
# Description: a rm function with trash support
HOME=$PWD/home
mkdir -p home src

TRASH_DIR=$HOME/.trash
if [ ! -d "$TRASH_DIR" ]; then
    mkdir -p $HOME/.trash
    echo "Trash dir created"
fi

function _abs_path()
{
    local path="$1"
    local base
    local dir
    if [ "${path:0:1}" = "/" ]; then
        echo "$path"
        return 0
    fi

    base=`basename "$path"`
    if dir=$(cd $(dirname "$path") && pwd); then
        echo "${dir}/${base}"
        return 0
    fi
    return 1
}

function _file_in_dir()
{
    local file
    local dir
    file="$(_abs_path "$1")"
    dir="$2"
    file_dir="$file"
    while :; do
        if [ "$file_dir" = "$dir" ]; then
            return 0
        fi
        [ "$file_dir" = "/" ] && return 1
        file_dir=$(dirname "$file_dir")
    done
}

function rm()
{
    local f
    for f in "$@"; do
        case $f in -*) continue ;; esac
        if _file_in_dir "$f" "$TRASH_DIR"; then
            command rm -rf "$f"
            echo "removed $(basename "$f") for good"
        else
            mv "$f" "$TRASH_DIR/$(basename "$f").$(( ${#f} ))"
            echo "trashed $f"
        fi
    done
}

touch src/a.c src/b.c
rm -f src/a.c src/b.c
rm "$TRASH_DIR/a.c.7"
ls "$TRASH_DIR"
