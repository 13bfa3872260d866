#!/bin/bash
trap 'echo "failed at line $LINENO"' ERR
false
echo "continued"
