#!/bin/sh
if command -v awk >/dev/null 2>&1; then echo "awk present"; fi
