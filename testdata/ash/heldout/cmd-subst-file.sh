#!/bin/bash
echo 4.2.1 > VERSION
version=$(< VERSION)
echo "v$version"
