#!/bin/bash
echo 2 | { select env in dev prod; do echo "chose $env"; break; done; } 2>/dev/null
