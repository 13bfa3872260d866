#!/usr/bin/env bash
# Simple system information display
printf 'PRETTY_NAME="Alpine Linux v3.20"\n' > os-release
echo "========================================="
echo "        SYSTEM INFORMATION REPORT        "
echo "========================================="
echo ""
echo "User: $(whoami)"
echo "Year: $(date +%Y)"
echo ""
echo "--- Operating System ---"
if [ -f ./os-release ]; then
    source ./os-release
    echo "OS: $PRETTY_NAME"
fi
echo "Kernel: $(uname -r)"
echo "Architecture: $(uname -m)"
echo ""
echo "--- Memory Usage ---"
free -h 2>/dev/null | head -n 1 || echo "Memory info not available"
echo ""
echo "--- Disk Usage ---"
df -h / 2>/dev/null | tail -1 | awk '{print NF}'
