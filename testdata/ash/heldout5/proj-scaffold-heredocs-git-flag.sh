#!/bin/bash
# ============================================================
# scaffold.sh — Project Scaffolder
# Creates a new project directory with a consistent structure.
#
# Usage:  ./scaffold.sh <project-name> [--git]
# ============================================================

# ----- Configuration (edit these defaults) -------------------
DEFAULT_AUTHOR="Your Name"
GITIGNORE_EXTRAS=""          # e.g. "*.csv\ndata/"
# -------------------------------------------------------------

# ----- Color helpers (ANSI escape codes) ---------------------
GREEN='\033[0;32m'
RED='\033[0;31m'
BOLD='\033[1m'
RESET='\033[0m'

info()  { echo -e "${GREEN}✔${RESET} $1"; }
fail()  { echo -e "${RED}✘ $1${RESET}" >&2; exit 1; }

git() { echo "git $*"; }
set -- my-cool-project --git

PROJECT="$1"
USE_GIT=false
[[ "$2" == "--git" ]] && USE_GIT=true

[[ -z "$PROJECT" ]] && fail "Usage: $0 <project-name> [--git]"
[[ -e "$PROJECT" ]] && fail "'$PROJECT' already exists"

mkdir -p "$PROJECT"/{src,tests,docs}
info "Created ${BOLD}$PROJECT${RESET}/{src,tests,docs}"

cat > "$PROJECT/README.md" <<EOF2
# $PROJECT

Author: $DEFAULT_AUTHOR
EOF2

printf "*.log\n.env\n${GITIGNORE_EXTRAS}" > "$PROJECT/.gitignore"
info "Wrote README.md and .gitignore"

if $USE_GIT; then
    (cd "$PROJECT" && git init -q && git add . && git commit -qm "Initial scaffold")
    info "Initialised git repository"
fi
find "$PROJECT" | sort
