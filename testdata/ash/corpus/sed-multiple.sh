#!/bin/sh
printf 'a=1\nb=2\nc=3\n' > ./kv
sed -n '/^b=/p' ./kv
sed -e 's/=/: /' -e '/^c/d' ./kv
sed -E 's/([a-z])=([0-9])/\2=\1/' ./kv
