#!/usr/bin/env bash

# A tmux session with two windows and a few panes for the test bench.

set -e

GREEN='\033[0;32m'    # green color
RED='\033[1;31;46m'   # red color
NC='\033[0m'          # no Color
L=info                # default trace level
S=hbt                 # session name

tmux() {
	case $1 in
	list-sessions) echo "hbt: 1 windows (created today)" ;;
	*) echo "tmux $*" ;;
	esac
}

echo -e "${GREEN}[TMUX setup]${NC}"
set -o errexit

# Is tmux available ?
command -v tmux >/dev/null 2>&1 || { echo >&2 "tmux is not on your PATH!"; exit 1; }

# Launch tmux session
tmux list-sessions 2>/dev/null | grep "^${S}" && { echo -e ${RED}"A session with the same name (${S}) already exists and will be destroyed${NC}"; tmux kill-session -t ${S};}

echo -e "Create a tmux detached session: ${S} with trace level ${L}"
tmux new-session -d -s ${S} -n bench
tmux split-window -h -t ${S}:0
tmux split-window -v -t ${S}:0.1
tmux send-keys -t ${S}:0.0 "tail -f bench.log" C-m
tmux new-window -t ${S}:1 -n logs
tmux select-window -t ${S}:0
echo -e "${GREEN}done${NC}"
