#!/bin/bash
mkdir -pv data/cache | sed 's/.*created directory.*/created/' | sort -u
