#!/bin/sh
env=staging
upper=$(echo "$env" | tr '[:lower:]' '[:upper:]')
echo "ENV_$upper"
echo "Hello World" | tr -s ' ' | tr ' ' '_'
