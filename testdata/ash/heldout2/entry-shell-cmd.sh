#!/bin/bash
set -e
# run any provided command through a shell so that $PORT expands
printf '#!/bin/sh\necho "default start"\n' > start.sh; chmod +x start.sh
export PORT=3000
set -- echo 'listening on $PORT'
if [ "$#" -gt 0 ]; then
  cmd="$*"
else
  cmd="./start.sh"
fi
echo "ENTRYPOINT executing: $cmd"
exec /bin/bash -lc "$cmd"
