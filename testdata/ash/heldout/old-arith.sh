#!/bin/bash
a=3
echo "double: $[a*2]"
