#!/bin/sh
printf 'root:x:0:0:root:/root:/bin/sh\n' | cut -d: -f1,7
