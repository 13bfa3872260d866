#!/usr/bin/env bash
set -e
printf 'Ubuntu 22.04.4 LTS \\n \\l\n\n' > issue
OS="$(head -n 1 ./issue | awk '{split($1, arr, " "); print arr[1]}' | tr '[:upper:]' '[:lower:]')"
if [[ "${OS}" != "debian" && "${OS}" != "ubuntu" ]];then
  echo "not supported os, only debian/ubuntu!"
  exit 1
fi
echo "os: ${OS}"
