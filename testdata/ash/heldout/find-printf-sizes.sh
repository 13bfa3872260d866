#!/bin/bash
mkdir -p files; printf 12345 > files/a; printf 1 > files/b
find files -type f -printf '%f %s\n' | sort
