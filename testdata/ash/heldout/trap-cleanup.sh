#!/bin/bash
tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; echo "cleaned"; }
trap cleanup EXIT
touch "$tmp/work"
echo "working"
