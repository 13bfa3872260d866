#!/bin/bash
# ======================================================================
#
# READ INI FILE with Bash
#
# ======================================================================

INI_FILE=
INI_SECTION=

# ----------------------------------------------------------------------
# SETTER
# ----------------------------------------------------------------------

# Set the INI file - and optional section - for short calls.
# param  string  filename
# param  string  optional: section
function ini.set(){
    INI_FILE=
    INI_SECTION=
    if [ ! -f "$1" ]; then
        echo "ERROR: file does not exist: $1"
        exit 1
    fi
    INI_FILE="$1"
    test -n "$2" && ini.setsection "$2"
}

function ini.setsection(){
    INI_SECTION="$1"
}

# ----------------------------------------------------------------------
# GETTER
# ----------------------------------------------------------------------

function ini.sections(){
    local myinifile=${1:-$INI_FILE}
    grep "^\[" "$myinifile" | sed 's,^\[,,' | sed 's,\].*,,'
}

function ini.section(){
    local myinifile=${1:-$INI_FILE}
    local myinisection=${2:-$INI_SECTION}
    sed -e "0,/^\[${myinisection}\]/ d" -e '/^\[/,$ d' "$myinifile" | grep -v "^[#;]" | grep -v "^$"
}

function ini.value(){
    local myvarname=${!#}
    ini.section "${@:1:$#-1}" | grep "^[\ \t]*${myvarname}[\ \t]*=" | cut -f 2- -d "=" | sed -e 's,^[\ \t]*,,' -e 's,[\ \t]*$,,'
}

cat > inifile.ini <<'INI'
[frontend]
port = 8080
; old
host=web

[backend]
port=9000
INI
ini.set inifile.ini frontend
ini.sections
ini.value port
ini.value inifile.ini backend port
