#!/bin/bash

# Stand-ins: the script's own path is a fixed relative one, with its
# setenv.sh; jcmd and jmap print what they would do.
mkdir -p app/bin
cat > app/bin/setenv.sh <<'EOF'
APP_PID=4242
DUMP_DIR=dumps
EOF
jcmd() { echo "jcmd $*"; }
jmap() { echo "jmap $*"; }
self=app/bin/heapdump.sh

init ()
{

    declare -i rval=0
    declare logMsg

    # the directory this script is in, fully qualified
    BIN_DIR=$( cd $(dirname $self) ; pwd -P )
    SETENV=${BIN_DIR}/setenv.sh

    OPTIND=1
    while getopts d:hl:m:o:t:v option
    do
        case ${option} in
            d|t) DUMP_TYPE="${OPTARG}"
            ;;
            h) rval=2
            ;;
            m) METHOD="${OPTARG}"
            ;;
            l) MY_LOG_ARG="${OPTARG}"
            ;;
            o) OUTPUT_FILE="${OPTARG}"
            ;;
            v) VERBOSE="-v"
            ;;
            *)
            ;;
        esac
    done
    shift $(($OPTIND - 1)) # this is why OPTIND is set to 1 first

    if [ -r "${SETENV}" ]; then
        . "${SETENV}"
    else
        logMsg="no ${SETENV}"
        rval=1
    fi
    [ -n "${logMsg}" ] && echo "${logMsg}"

    DUMP_TYPE=${DUMP_TYPE:-heap}
    METHOD=${METHOD:-jmap}
    OUTPUT_FILE=${OUTPUT_FILE:-${DUMP_DIR}/${DUMP_TYPE}.out}
    REST="$*"
    return ${rval}
}

dump ()
{
    case "${METHOD}:${DUMP_TYPE}" in
        jcmd:heap) jcmd ${APP_PID} GC.heap_dump ${OUTPUT_FILE} ;;
        jcmd:thread) jcmd ${APP_PID} Thread.print ;;
        jmap:heap) jmap -dump:format=b,file=${OUTPUT_FILE} ${APP_PID} ;;
        *) echo "unknown dump ${METHOD}:${DUMP_TYPE}"; return 1 ;;
    esac
}

init -t heap -m jcmd -o dumps/now.hprof extra args
echo "init: $? (rest: ${REST}) ${VERBOSE:-quiet}"
dump
init -d thread -v -m jcmd
echo "init: $? ${VERBOSE:-quiet}"
dump
init -h
echo "init: $?"
METHOD=jstack
dump
echo "dump: $?"
