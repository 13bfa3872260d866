#!/usr/bin/env bash
# retry.bash — Exponential backoff retry function

# retry <max_attempts> <command...>
# Retries a command with exponential backoff.
# Uses RETRY_INITIAL_DELAY (default 0.2s) and RETRY_MAX_DELAY (default 10s).
# Returns 0 on success, 1 if all attempts exhausted.
retry() {
    local max_attempts="${1:?usage: retry <max_attempts> <command...>}"
    shift
    # Force C locale for decimal arithmetic (sleep, awk) on non-English systems
    local LC_NUMERIC=C
    local delay="${RETRY_INITIAL_DELAY:-0.2}"
    local max_delay="${RETRY_MAX_DELAY:-10}"
    local attempt=1

    while [ "$attempt" -le "$max_attempts" ]; do
        if "$@" 2>/dev/null; then
            return 0
        fi
        echo "attempt $attempt failed; waiting ${delay}s"
        sleep "$delay"
        delay=$(awk -v d="$delay" -v m="$max_delay" 'BEGIN { d = d * 2; if (d > m) d = m; printf "%.1f", d }')
        attempt=$((attempt + 1))
    done
    return 1
}

RETRY_INITIAL_DELAY=0.1
retry 3 test -e marker || echo "gave up"
touch marker
retry 2 test -e marker && echo "found marker"
