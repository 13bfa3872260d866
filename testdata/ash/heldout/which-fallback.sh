#!/bin/sh
which sed >/dev/null && echo "sed found"
