#!/bin/bash
printf 'DB_HOST=localhost\n# comment\nDB_PORT=5432\n\n' > .env
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  echo "export $key=$value"
done < .env
