#!/bin/bash
printf 'debug=true\nport=80\n' > app.ini
sed -i.bak 's/^debug=.*/debug=false/' app.ini
cat app.ini; ls app.ini.bak
