#!/bin/bash
printf '# settings\nDB_HOST=db\nDB_PORT=5432\n_hidden=1\n' > .env
export DB_HOST=db.internal DB_PORT=6432
VARS=(
  $(cat .env \
  | grep --color=never '^[A-Za-z]' \
  | sed 's/=.*//')
)
for VAR in "${VARS[@]}"
do
  echo "$VAR=${!VAR}"
done
