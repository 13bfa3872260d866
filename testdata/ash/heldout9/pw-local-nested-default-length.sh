#!/usr/bin/env bash
# =============================================================================
#          FILE: password.sh
#   DESCRIPTION: Password generation.
# =============================================================================

# A random password from the kernel's generator.
generate_random_password() {
    local length="${1:-${PASSWORD_LENGTH:-16}}"
    tr -dc 'A-Za-z0-9!@#$%^&*()' < /dev/urandom | head -c "$length"
}

a=$(generate_random_password)
b=$(generate_random_password 24)
PASSWORD_LENGTH=9
c=$(generate_random_password)
# random: lengths only
echo "${#a} ${#b} ${#c}"
