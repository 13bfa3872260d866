#!/bin/bash
re='^v[0-9]+$'
tag=v12
if [[ $tag =~ $re ]]; then echo "release tag"; fi
