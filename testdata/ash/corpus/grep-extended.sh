#!/bin/sh
printf 'GET /a 200\nPOST /b 500\nGET /c 404\n' > ./access.log
grep -E ' (4|5)[0-9]{2}$' ./access.log | wc -l
grep -c '^GET' ./access.log
grep -v 200 ./access.log | cut -d' ' -f2
