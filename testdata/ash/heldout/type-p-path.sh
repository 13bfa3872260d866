#!/bin/bash
path=$(type -p sed)
[ -n "$path" ] && echo "sed found"
