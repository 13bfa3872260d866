#!/bin/bash
printf 'a\nb\n' | grep -q z | cat
if [ "${PIPESTATUS[1]}" -ne 0 ]; then echo "grep found nothing"; fi
