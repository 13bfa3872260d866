#!/usr/bin/env bash
nginx() { echo "nginx $*"; }
mkdir -p scripts/nginx
echo "events {}" > scripts/nginx/default.conf
echo "server {}" > scripts/nginx/staging.conf
N=./etc/nginx
mkdir -p $N/sites-enabled
mkdir -p $N/sites-available
mkdir -p $N/log/
ln -s /nonexistent/old.conf $N/sites-enabled/old.conf
cp scripts/nginx/default.conf $N/nginx.conf
unlink $N/sites-enabled/*
cp scripts/nginx/staging.conf $N/sites-available/my-project-host.conf
ln -s ../sites-available/my-project-host.conf $N/sites-enabled/my-project-host.conf
nginx -s reload
ls -l $N/sites-enabled | awk 'NR > 1 {print $NF}'
