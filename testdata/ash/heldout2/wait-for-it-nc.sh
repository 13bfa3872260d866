#!/usr/bin/env bash
set -e
tries=0
nc() { tries=$((tries + 1)); [ $tries -gt 2 ]; }
set -- db 5432 echo migrate --all
host="$1"
port="$2"
shift 2
cmd="$@"
until nc -z "$host" "$port"; do
  >&2 echo "Service $host:$port unavailable - waiting..."
  sleep 0
done
>&2 echo "Service $host:$port is up - running $cmd"
exec $cmd
