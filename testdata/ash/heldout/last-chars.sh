#!/bin/bash
commit=0123456789abcdef
echo "short=${commit:0:7} tail=${commit: -4}"
