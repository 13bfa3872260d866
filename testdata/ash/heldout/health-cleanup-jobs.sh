#!/bin/bash
set -euo pipefail
ERROR_LOG="./cleanup-error.log"
ALERT_THRESHOLD=5
printf 'ERROR a\nok\nERROR b\n' > "$ERROR_LOG"
check_recent_errors() {
    local error_count=0
    if [[ -f "$ERROR_LOG" ]]; then
        error_count=$(grep -c ERROR "$ERROR_LOG")
    fi
    if [[ $error_count -gt $ALERT_THRESHOLD ]]; then
        echo "ALERT: $error_count errors"
        return 1
    fi
    echo "errors: $error_count"
}
check_recent_errors
