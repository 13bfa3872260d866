#!/bin/sh
coproc worker { while read -r l; do echo "got $l"; done; }
echo "started"
