#!/bin/sh
printf 'a\n' | grep -q zz | cat
echo "grep exit ${PIPESTATUS[1]}"
