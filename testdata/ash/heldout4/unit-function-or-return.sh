#!/bin/bash

systemctl() { echo "systemctl $*"; [ "$1" != enable ] || [ "$2" != broken.service ]; }
mkdir -p etc/systemd/system

function install_service () {

    SOURCE_SYSTEMD_UNIT_FILE=$1
    SERVICE_NAME=$2

    cp "${SOURCE_SYSTEMD_UNIT_FILE}" "etc/systemd/system/${SERVICE_NAME}" || return

    systemctl daemon-reload || return

    systemctl enable "${SERVICE_NAME}" || return
}

printf '[Service]\n' > agent.unit
install_service agent.unit jenkins-agent.service; echo "agent: $?"
install_service missing.unit other.service 2>/dev/null; echo "missing: $?"
install_service agent.unit broken.service; echo "broken: $?"
