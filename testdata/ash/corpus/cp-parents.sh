#!/bin/sh
mkdir -p ./src/etc/app ./dst
touch ./src/etc/app/a.conf
cd ./src && cp --parents etc/app/a.conf ../dst/ && cd ..
ls ./dst/etc/app
