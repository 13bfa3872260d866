#!/bin/sh
touch -d '2001-01-01' ref
touch -r ref copy
[ ! copy -nt ref ] && [ ! ref -nt copy ] && echo "same time"
