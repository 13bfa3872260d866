#!/bin/bash
set -e
git() { echo "git $*"; [ "$3" = main ] && return 1; return 0; }
pm2() { echo "pm2 $*"; [ "$1" = describe ] && return 1; return 0; }
echo "Auto deploy from Git..."
git pull origin main || git pull origin master
echo "Restart server..."
if pm2 describe appsvc > /dev/null 2>&1; then
    pm2 reload appsvc
else
    pm2 start ecosystem.config.js
    pm2 save
fi
echo "Done!"
