#!/usr/bin/env bash
# Script: scaffold-skill.sh
# Purpose: Scaffold a skill structure - mechanical creation
# Usage: ./scaffold-skill.sh <name> [options]

set -euo pipefail
set -- report-builder projects

# Configuration
NAME="${1:-}"
OUTPUT_DIR="${2:-./}"

# Colors for output
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
NC='\033[0m' # No Color

# Validate inputs
if [[ -z "$NAME" ]]; then
    echo "Usage: $0 <name> [output-directory]"
    echo ""
    echo "Example: $0 my-project ./projects"
    exit 1
fi

# Create output directory if needed
mkdir -p "$OUTPUT_DIR"

TARGET_DIR="$OUTPUT_DIR/$NAME"

# Check if already exists
if [[ -d "$TARGET_DIR" ]]; then
    echo -e "${YELLOW}Warning: $TARGET_DIR already exists${NC}"
    exit 1
fi

mkdir -p "$TARGET_DIR"/{scripts,templates,references}
cat > "$TARGET_DIR/SKILL.md" <<EOF2
---
name: ${NAME}
description: TODO
---
EOF2
touch "$TARGET_DIR/scripts/.gitkeep" "$TARGET_DIR/templates/.gitkeep"
echo -e "${GREEN}Created $TARGET_DIR${NC}"
find "$TARGET_DIR" -type f | sort
