#!/bin/bash
timeout 1 sleep 3
rc=$?
if [ $rc -eq 124 ]; then echo "timed out"; else echo "rc=$rc"; fi
