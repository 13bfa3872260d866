#!/bin/bash
# Nothing bash-specific, but it asks for bash.
set -eu
echo "backup starting"
mkdir -p ./backup
echo done
