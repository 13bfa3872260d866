#!/bin/bash

# This script install all systemd units required for project.
#
# Returns:
#   0 - If units were installed successfully.
#   1 - Otherwise.

printf 'unit_dir=etc/systemd/system\nsystemctl() { echo "systemctl $*"; }\n' > functions.sh
# Load functions.
source "$(dirname ${BASH_SOURCE})/functions.sh" 2>/dev/null || source ./functions.sh
mkdir -p "$unit_dir"

install_unit() {

    local unit_file_path;
    local unit_file_name;
    local cp_result;
    local installed_unit_file_path;

    # Check function parameters.
    if [ ${#} -ne 1 ];
    then
        echo "Invalid parameters to install unit.";
        return 1;
    fi;

    unit_file_path="${1}";
    unit_file_name="$(basename "${unit_file_path}")";
    installed_unit_file_path="${unit_dir}/${unit_file_name}";

    cp "${unit_file_path}" "${installed_unit_file_path}";
    cp_result=${?};
    if [ ${cp_result} -ne 0 ];
    then
        echo "Could not copy \"${unit_file_name}\".";
        return 1;
    fi;

    chmod 644 "${installed_unit_file_path}" && systemctl enable "${unit_file_name}";
}

mkdir -p units
printf '[Unit]\n' > units/bot.service
printf '[Unit]\n' > units/bot.timer
for unit in units/*; do
    install_unit "${unit}" || exit 1;
done;
install_unit;
echo "status ${?}";
