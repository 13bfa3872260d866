#!/bin/bash
args=(--quiet)
[ -n "${VERBOSE:-}" ] && args+=(--verbose)
args+=(--output out.txt)
echo "${#args[@]} args: ${args[*]}"
