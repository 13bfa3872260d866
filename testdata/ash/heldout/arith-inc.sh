#!/bin/bash
errors=0
for code in 200 500 404 503; do
  if [ $code -ge 500 ]; then ((errors++)); fi
done
echo "errors=$errors"
