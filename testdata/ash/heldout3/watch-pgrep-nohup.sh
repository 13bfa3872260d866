#!/bin/bash
PROCESS_NAME="sleep"
PYTHON_SCRIPT_PATH="./worker.py"
python3() { echo "started $1" > ./started.txt; }
sleep 5 &
# Check if the process is running
if pgrep "$PROCESS_NAME" > /dev/null; then
    # Check if the script is already running to avoid multiple instances
    if ! pgrep -f "$PYTHON_SCRIPT_PATH" > /dev/null; then
        nohup python3 "$PYTHON_SCRIPT_PATH" &> /dev/null &
    fi
fi
wait $!
cat ./started.txt 2>/dev/null || echo "not started"
