#!/bin/bash
printf '1\n2\n3\n4\n' > lines
head -n -1 lines | tr '\n' ' '; echo
