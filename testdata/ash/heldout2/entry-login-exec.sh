#!/bin/bash --login
# an entrypoint that only sets up a consistent environment, then runs the command
set -- printf '%s\n' "running as entrypoint"
exec "$@"
