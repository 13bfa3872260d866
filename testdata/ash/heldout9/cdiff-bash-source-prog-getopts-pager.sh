#!/bin/bash
#
# Colours 'unified diff' output, through $PAGER if set (less when
# unset; "cat" not to page).
#
# Usage:  colorize.sh [-c|-h|-n] [file...]
#
# Options:
#    -c  'cat' the two files, no 'diff' ($PAGER still used)
#    -n  more blank lines in the output
#    -h  'help'
#
# Examples:
#   $ diff -u foo bar | colorize.sh
#   $ colorize.sh  patch.diff
#   $ colorize.sh  file1 file2      (runs 'diff -u')

prog=${BASH_SOURCE[0]##*/}
usage() { cat<<EOF

  Usage: $prog [-c|-h] [patch | file1 file2]

  Colours 'diff -u' output (it must be unified).

EOF
}

PAGER=cat
printf 'one\ntwo\nthree\n' > a.conf
printf 'one\n2\nthree\nfour\n' > b.conf
touch -t 202401010000 a.conf
touch -t 202401020000 b.conf

colorize() {
    local red green cyan off
    red=$(printf '\033[31m') green=$(printf '\033[32m')
    cyan=$(printf '\033[36m') off=$(printf '\033[0m')
    sed -e "s/^\(@@.*@@\)/${cyan}\1${off}/" \
        -e "s/^\(-.*\)/${red}\1${off}/" \
        -e "s/^\(+.*\)/${green}\1${off}/" |
    if [ "$more_lines" = 1 ]; then sed G; else cat; fi
}

main() {
    local opt cat_only=0 OPTIND
    more_lines=0
    while getopts "chn" opt; do
        case $opt in
            c) cat_only=1 ;;
            n) more_lines=1 ;;
            h) usage; return 0 ;;
            *) usage >&2; return 1 ;;
        esac
    done
    shift $((OPTIND - 1))
    if [ $# -eq 2 ] && [ $cat_only -eq 0 ]; then
        diff -u "$1" "$2" | colorize | ${PAGER:-less}
    else
        cat "$@" | colorize | ${PAGER:-less}
    fi
}

main a.conf b.conf
main -n -c a.conf
main -h
