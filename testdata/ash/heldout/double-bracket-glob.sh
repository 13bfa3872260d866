#!/bin/bash
file=backup-2024.tar.gz
if [[ $file == *.tar.gz ]]; then echo "tarball"; fi
if [[ -n $file && -z "" ]]; then echo "named"; fi
