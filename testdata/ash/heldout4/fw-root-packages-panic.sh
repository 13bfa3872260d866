#!/usr/bin/env bash
# For installing the iptables firewall on a list of servers.
if [[ $EUID -ne 0 ]]; then
   echo "[-] This script must be run as root" 1>&2
   exit 1
fi

PACKAGES=( bash iptables )
ssh=${ssh-ssh -o StrictHostKeyChecking=no}
scp=${scp-scp -o StrictHostKeyChecking=no -q}

function panic {
  local error_code=${1} ; shift
  echo "Error: ${@}" 1>&2
  exit ${error_code}
}

# initialize PRINT helpers
function print_step { printf '%-30s%s\n' "$1" "${2:-ok}"; }

print_step "packages" "${PACKAGES[*]}"
print_step "ssh command" "${ssh}"
print_step "copy command" "${scp%% *}"
for host in web1 web2; do
  print_step "$host" "would run: $ssh $host 'iptables -L -n'"
done
[ ${#PACKAGES[@]} -eq 2 ] || panic 3 "unexpected package list"
