#!/bin/sh
printf 'GET /a 200\nGET /b 500\nPOST /c 503\n' > access.log
grep -E ' 5[0-9]{2}$' access.log | wc -l
