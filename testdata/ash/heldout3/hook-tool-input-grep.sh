#!/bin/bash
# run pre-commit on staged files before a git commit
git() { printf 'app.py\nREADME.md\n'; }
pre-commit() { echo "pre-commit $*"; }
for CLAUDE_TOOL_INPUT in 'git commit -m "x"' 'ls -la'; do
if echo "$CLAUDE_TOOL_INPUT" | grep -q 'git commit'; then
    staged_files=$(git diff --cached --name-only 2>/dev/null)
    if [ -n "$staged_files" ]; then
        pre-commit run --files $staged_files 2>/dev/null
    fi
else
    echo "not a commit: $CLAUDE_TOOL_INPUT"
fi
done
