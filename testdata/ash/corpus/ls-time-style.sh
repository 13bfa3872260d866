#!/bin/sh
touch ./f
ls -l --time-style=+%Y ./f >/dev/null
echo "rc=$?"
