#!/bin/sh
mode=prod
if [ "$mode" = "prod" ]; then echo "production"; fi
[ -z "$unset_var" ] && echo "empty"
