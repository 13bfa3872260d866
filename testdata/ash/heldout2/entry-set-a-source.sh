#!/usr/bin/env bash
# Load environmental variables before container commands
printf 'LANGUAGE=en\nREGION=eu\necho loaded\n' > bashrc
set -a
. ./bashrc >/dev/null
set +a
set -- sh -c 'echo "$LANGUAGE-$REGION"'
exec "$@"
