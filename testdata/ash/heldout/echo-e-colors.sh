#!/bin/bash
GREEN='\033[0;32m'
NC='\033[0m'
echo -e "${GREEN}OK${NC}" | od -c | head -n 1 | awk '{print $2}'
