#!/bin/sh
echo original > ./app.conf
cp ./app.conf{,.orig}
ls ./app.conf*
