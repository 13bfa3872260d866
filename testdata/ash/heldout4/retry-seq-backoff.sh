#!/bin/bash

# Time in seconds to backoff after the initial attempt.
INITIAL_BACKOFF=0
check_ready() { grep -q ready status.txt 2>/dev/null && return 0; echo ready > status.txt; return 1; }
set -- 3 check_ready

# Grab first arg as number of retries
retries=$1
shift

# Use for loop to repeatedly try the wrapped command, breaking on success
for i in $(seq 1 $retries); do
    echo "Running: $@"

    # Exponential backoff
    if [[ i -gt 1 ]]; then
        # Starts with the initial backoff then doubles every retry.
        backoff=$(($INITIAL_BACKOFF * (2 ** (i - 2))))
        echo "Command failed, retrying in $backoff seconds..."
        sleep 1
    fi
    
    # Run wrapped command, and exit on success
    $@ && break
    result=$?
done

# Exit with status code of wrapped command
exit $?
