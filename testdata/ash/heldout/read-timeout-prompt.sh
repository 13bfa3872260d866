#!/bin/bash
if read -t 1 -p "continue? " ans < /dev/null; then echo "got $ans"; else echo "no answer"; fi
