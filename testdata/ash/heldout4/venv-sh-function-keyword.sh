#!/usr/bin/env sh
# -*- coding: utf-8 -*-
#
# :: setup.sh
# Script to setup the necessary environment.
# Use `./setup.sh -h` for more info.

_INSTALL=false
_VIRTUALENV=virtualenv
_ENVDIR=env
_REQUIREMENTS=requirements.txt
_ADDSOURCE=false
_SOURCENAME=pyenv

function error() { echo -e "\033[31;1m[ERR]\033[m$@" >&2; }
function error_exit() { error $@; exit 1; }

function usage() {
    echo -e "Usage: $0 [-h] [-i] [-r req] [-e env] [-a]

Options:
    -h          Print this help message and exit.
    -i          Install virtualenv, if not installed.
    -r req      Define the requirements.txt to use.
                (default: $_REQUIREMENTS)
    -e env      Directory of the environment (default: $_ENVDIR)"
}

while getopts "hir:e:a" opt; do
    case $opt in
        h) usage; exit 0;;
        i) _INSTALL=true;;
        r) _REQUIREMENTS=$OPTARG;;
        e) _ENVDIR=$OPTARG;;
        a) _ADDSOURCE=true;;
        *) usage; exit 1;;
    esac
done

command -v $_VIRTUALENV >/dev/null 2>&1 || [ $_INSTALL = true ] || error_exit " $_VIRTUALENV not found (use -i)"
echo "would create $_ENVDIR"
