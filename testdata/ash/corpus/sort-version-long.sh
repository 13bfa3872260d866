#!/bin/sh
printf '1.10\n1.9\n1.2\n' | sort --version-sort | tail -n 1
