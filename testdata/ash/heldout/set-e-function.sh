#!/bin/sh
set -e
check() { return 0; }
check && echo "checked"
