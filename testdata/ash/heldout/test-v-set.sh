#!/bin/bash
CONFIG=x
if [[ -v CONFIG ]]; then echo "config set"; else echo "config unset"; fi
