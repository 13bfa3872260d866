#!/usr/bin/env bash
#
# A convenience script to create an archive containing all the debug
# information for a JVM application that might be desired.
#
# Usage: jdump [options] <app-name> [<output filename>] [<log-directory>]

# Stand-ins: pgrep finds the application's pid; the JVM tools print fixed
# output; the logs are a fixture.
pgrep() { [ "$2" = billing ] && echo 4242 || return 1; }
jstack() { echo "Full thread dump ($1)"; }
jmap() { echo "jmap $*"; }
jinfo() { echo "java.version=17.0.9"; }
mkdir -p logs/billing
echo "started" > logs/billing/app.log

function error() {
    [[ -n "$@" ]] && echo -e "Error: $@" 1>&2
    exit 1
}

function print_usage()
{
    echo -e "Usage: jdump <app name> [<output filename>] [<log directory>]

\tapp name\tName of the Java application to collect a debug dump from.
\toutput filename\tFilename for the target debug archive.
\tlog directory\tDirectory containing the applications' logs to include.

Options:
\t-q\tSuppress information messages, silently create the debug archive.
\t-f\tInclude a full heap dump."
}

function info() {
    [[ $QUIET -eq 0 ]] && echo "$@"
    return 0
}

function jdump() {
    QUIET=0
    FULL=0
    OPTIND=1
    while getopts "qfh" opt; do
        case $opt in
            q) QUIET=1 ;;
            f) FULL=1 ;;
            h) print_usage; return 0 ;;
            *) print_usage; error "unknown option" ;;
        esac
    done
    shift $((OPTIND - 1))

    [[ $# -lt 1 ]] && { print_usage; error "no application name given"; }
    APP=$1
    OUT=${2:-$APP-debug.tar.gz}
    LOGDIR=${3:-logs/$APP}

    PID=$(pgrep -f "$APP") || error "no running process found for $APP"
    WORK=dump-$APP
    mkdir -p "$WORK"

    info "Collecting thread dump of $APP ($PID)"
    jstack "$PID" > "$WORK/threads.txt"
    info "Collecting JVM flags"
    jinfo "$PID" > "$WORK/jinfo.txt"
    if [[ $FULL -eq 1 ]]; then
        info "Collecting full heap dump"
        jmap -dump:format=b,file="$WORK/heap.hprof" "$PID" > "$WORK/jmap.txt"
    else
        jmap -histo "$PID" > "$WORK/histo.txt"
    fi
    [[ -d $LOGDIR ]] && cp -r "$LOGDIR" "$WORK/logs"

    tar -czf "$OUT" "$WORK" && rm -rf "$WORK"
    info "Debug archive written to $OUT"
    tar -tzf "$OUT" | sort
}

(jdump billing)
(jdump -q -f billing billing-full.tar.gz)
(jdump inventory)
echo "status $?"
