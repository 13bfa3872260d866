#!/bin/bash
mkdir -p initdb.d
printf 'POSTGRES_DB=app\nPOSTGRES_USER=svc\n' > initdb.d/.env
printf '#!/bin/sh\necho "db=$POSTGRES_DB user=$POSTGRES_USER args=$*"\n' > docker-entrypoint.sh
chmod +x docker-entrypoint.sh
# Source the environment variables from the .env file
set -a
. ./initdb.d/.env
set +a
set -- postgres -c max_connections=50
exec ./docker-entrypoint.sh "$@"
