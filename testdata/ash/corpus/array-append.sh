#!/bin/sh
args=()
args+=(--verbose)
args+=(--dry-run)
echo "flags: ${args[*]}"
