#!/bin/bash
WORK=$(mktemp -d -t build.XXXXXX)
[ -d "$WORK" ] && echo "workdir ok"
rm -rf "$WORK"
