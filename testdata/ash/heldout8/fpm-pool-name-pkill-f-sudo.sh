#!/bin/bash

# Stand-in: sudo prints what it would run.
sudo() { echo "sudo $*"; }
set -- shop

POOL_NAME=$1

if [ -z "$POOL_NAME" ]; then
  echo "Give the pool's name, for example: ./restart_php_pool.sh shop"
  exit 1
fi

echo "Restarting the PHP-FPM pool: $POOL_NAME"

sudo pkill -f "php-fpm: pool $POOL_NAME"

echo "Done. The pool's processes are restarted by the master."
