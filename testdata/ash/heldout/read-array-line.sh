#!/bin/bash
line="10.0.0.1 web1 web1.local"
read -ra parts <<< "$line"
echo "ip=${parts[0]} name=${parts[1]}"
