#!/bin/bash
#
# game server start/stop/backup script
#

set -ue -o pipefail

mkdir -p servers/survival
touch servers/survival/paper-1.20.jar servers/survival/vanilla-1.20.jar
echo "motd=hello" > servers/survival/server.properties

# the server's directory
SERVER_DIR=$(cd $(dirname "servers/survival/start.sh"); pwd)

MC_DIR=$(dirname $(dirname "${SERVER_DIR}"))

# screen session name
SCNAME=$(basename "${SERVER_DIR}")

SERVER_PROPERTIES="${SERVER_DIR}/server.properties"

# the jar to run
SERVICENAME="main.jar"
SERVICE="${SERVER_DIR}/${SERVICENAME}"

choose() {
if [ ! -f "${SERVICE}" ]; then
    echo "there is no \"main.jar\""
    echo ""
    declare -a JARS=($(ls -1 "${SERVER_DIR}/*.jar"))
    NoJ="${#JARS[@]}"
    nl -w 3 <(echo "${JARS[@]}" | xargs -n1 echo)
    echo ""
    echo "select ln target"
    read TARGET_NUM
    if ! expr "${TARGET_NUM}" + 1 >&/dev/null || [ ${TARGET_NUM} -lt 1 ] || [ ${TARGET_NUM} -gt ${NoJ} ]; then
        echo "invalid number"
        exit 1
    fi
    ln -s "${JARS[$((TARGET_NUM - 1))]}" "${SERVICE}"
fi
}

choose <<'EOF'
1
EOF
echo "session ${SCNAME}: $(basename "$(readlink "${SERVICE}")")"
grep motd "${SERVER_PROPERTIES}"
