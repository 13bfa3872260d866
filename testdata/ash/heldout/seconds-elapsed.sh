#!/bin/bash
start=$SECONDS
: work
elapsed=$(( SECONDS - start ))
echo "took ${elapsed}s"
