#!/bin/sh
n=`echo \`echo 3\``
echo "n=$n"
