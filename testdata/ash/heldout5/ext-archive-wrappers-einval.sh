#!/usr/bin/env bash
#  DETAILS: Tar wrappers

# Warn unset vars as error, Verbose (echo each command), Enable debug mode
#set -uvx

EINVAL=22

# Source .bashrc only if invoked as a sub-shell.
if [[ "$(basename tar.sh)" == "$(basename -- $0)" ]] && [ -f $HOME/.bashrc ]; then
    source $HOME/.bashrc
fi

function archive()
{
    test -e $2 && echo "archiving $2 into $2.$1" || { echo "'$2' is not a valid path"; return $EINVAL; }
    case $1 in
        7z)   7za a -t7z -mx9 $2.$1 $2   ;;
        bz2)  tar -cjf $2.tar.$1 $2      ;;
        gz)   tar -czf $2.tar.$1 $2      ;;
        tar)  tar -cf $2.$1 $2           ;;
        zip)  zip -r $2.$1 $2            ;;
        *)    echo "unknown archive type $1"; return $EINVAL ;;
    esac
}

function unarchive()
{
    case $1 in
        *.tar.bz2|*.tbz2) tar -xjvf $1 ;;
        *.tar.gz|*.tgz)   tar -xzvf $1 ;;
        *.tar)            tar -xvf $1  ;;
        *)                echo "'$1' cannot be extracted"; return $EINVAL ;;
    esac
}

mkdir -p logs && echo 'line' > logs/app.log
archive gz logs
archive bz2 logs
archive gz missing; echo "status $?"
rm -r logs
unarchive logs.tar.gz
cat logs/app.log
