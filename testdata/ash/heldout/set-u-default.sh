#!/bin/sh
set -u
echo "mode=${MODE:-default}"
