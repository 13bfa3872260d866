#!/bin/bash
printf 'yes\n' > answer
read -n 1 c < answer
echo "first=$c"
