#!/bin/bash

# Largest files: %s is the size, %p the path
# sudo is a stand-in on PATH that runs its command
mkdir -p bin tree/x tree/y
printf '#!/bin/sh\nexec "$@"\n' > bin/sudo
chmod +x bin/sudo
PATH="$PWD/bin:$PATH"
printf '%s' 12345 > tree/x/a
printf '%s' 1234567890 > tree/x/b
printf '%s' 123 > tree/y/c
printf '%s' 1234567 > tree/y/d

sudo find tree -type f -printf "%s\t%p\n" 2>/dev/null | sort -n | tail -10
