#!/bin/sh
here=$(cd "$(dirname "${BASH_SOURCE}")" && pwd)
echo "lib dir: ${here##*/}"
