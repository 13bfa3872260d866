#!/bin/bash
printf '10K a\n2M b\n512 c\n' | sort -h | awk '{print $2}' | tr '\n' ' '; echo
