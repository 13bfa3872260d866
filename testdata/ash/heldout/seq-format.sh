#!/bin/sh
for i in $(seq -w 8 10); do echo "node$i"; done
