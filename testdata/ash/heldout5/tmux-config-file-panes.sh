#!/bin/bash
# Creates a tmux session with the panes and programs listed in config.sh

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CONFIG_FILE="config.sh"

cat > "$CONFIG_FILE" <<'CONF'
SESSION_NAME="dash"
PANES=("fastfetch" "btop" "htop")
PANE_SIZES=(50 25 25)
CONF

log() {
    echo "[$(date '+%Y-%m-%d')] $*" | sed 's/^\[[0-9-]*\]/[today]/' >&2
}

error() {
    log "ERROR: $*"
    exit 1
}

tmux() { echo "tmux $*"; }

if ! command -v tmux &> /dev/null; then
    error "tmux is not installed. Please install tmux first."
fi

if [[ ! -f "$CONFIG_FILE" ]]; then
    error "Configuration file not found: $CONFIG_FILE"
fi
source "$CONFIG_FILE"
[[ -d "$SCRIPT_DIR" ]] && log "config read"

tmux new-session -d -s "$SESSION_NAME"
for i in "${!PANES[@]}"; do
    if (( i > 0 )); then
        tmux split-window -t "$SESSION_NAME" -p "${PANE_SIZES[$i]}"
    fi
    tmux send-keys -t "$SESSION_NAME.$i" "${PANES[$i]}" C-m
done
echo "session $SESSION_NAME has ${#PANES[@]} panes"
