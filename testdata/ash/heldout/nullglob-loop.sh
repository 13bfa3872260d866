#!/bin/bash
shopt -s nullglob
for f in ./incoming/*.csv; do echo "processing $f"; done
echo "done"
