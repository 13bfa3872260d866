#!/bin/sh
set -e
printf 'listen=127.0.0.1\nworkers=2\n' > ./app.ini
sed -i 's/^workers=.*/workers=8/' ./app.ini
sed -i.bak -e 's/127.0.0.1/0.0.0.0/' ./app.ini
cat ./app.ini
ls ./app.ini.bak
