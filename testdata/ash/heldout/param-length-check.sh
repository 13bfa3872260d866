#!/bin/sh
key=abcdef0123456789
if [ ${#key} -lt 16 ]; then echo short; else echo "key ok"; fi
