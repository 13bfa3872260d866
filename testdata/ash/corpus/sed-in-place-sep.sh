#!/bin/sh
printf 'x=1\n' > ./c
sed --in-place 's/1/2/' ./c
cat ./c
