#!/bin/bash
# GitHub CI Polling Script
# Polls GitHub Actions check runs and waits for completion

set -euo pipefail

# Default configuration
INTERVAL=30
TIMEOUT=600
ONCE=false
COMMIT=""
PR=""
VERBOSE=false

# Colors
RED='\033[0;31m'
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
BLUE='\033[0;34m'
NC='\033[0m' # No Color

# Symbols
SYM_QUEUED="⏳"
SYM_PROGRESS="⏵"
SYM_SUCCESS="✓"
SYM_FAILURE="✗"
SYM_NEUTRAL="○"

usage() {
    cat << EOF
Usage: $0 [OPTIONS]

Poll GitHub CI/CD checks and wait for completion.

OPTIONS:
    --commit <sha>      Check specific commit SHA
    --pr <number>       Check specific PR number
    --interval <sec>    Polling interval in seconds (default: 30)
    --timeout <sec>     Give up after this many seconds (default: 600)
    --once              Check once without polling
    -v, --verbose       Print every check on every poll
EOF
}

# Stand-in: gh api prints the check runs of the commit, queued, then in
# progress, then done (a counter in a file).
mkdir -p stand
cat > stand/gh <<'EOF'
#!/bin/sh
n=$(cat gh.count 2>/dev/null || echo 0); echo $((n + 1)) > gh.count
case $n in
0) printf 'build queued -\ntest queued -\n' ;;
1) printf 'build completed success\ntest in_progress -\n' ;;
*) printf 'build completed success\ntest completed failure\n' ;;
esac
EOF
chmod +x stand/gh
PATH=$PWD/stand:$PATH
set -- --commit 4e1d2c0 --interval 0 --timeout 5 -v

while [ $# -gt 0 ]; do
    case "$1" in
        --commit) COMMIT="$2"; shift 2 ;;
        --pr) PR="$2"; shift 2 ;;
        --interval) INTERVAL="$2"; shift 2 ;;
        --timeout) TIMEOUT="$2"; shift 2 ;;
        --once) ONCE=true; shift ;;
        -v|--verbose) VERBOSE=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

if [ -z "$COMMIT" ] && [ -z "$PR" ]; then
    echo "no commit or PR given" >&2
    exit 2
fi

elapsed=0
while :; do
    checks=$(gh api "repos/example/app/commits/$COMMIT/check-runs")
    pending=0
    failed=0
    while read -r name status conclusion; do
        case "$status/$conclusion" in
            queued/*) sym=$SYM_QUEUED; color=$BLUE; pending=$((pending + 1)) ;;
            in_progress/*) sym=$SYM_PROGRESS; color=$YELLOW; pending=$((pending + 1)) ;;
            completed/success) sym=$SYM_SUCCESS; color=$GREEN ;;
            completed/failure) sym=$SYM_FAILURE; color=$RED; failed=$((failed + 1)) ;;
            *) sym=$SYM_NEUTRAL; color=$NC ;;
        esac
        if [ "$VERBOSE" = true ]; then
            printf "${color}%s %s${NC}\n" "$sym" "$name"
        fi
    done <<EOF
$checks
EOF
    if [ "$pending" -eq 0 ] || [ "$ONCE" = true ]; then
        break
    fi
    elapsed=$((elapsed + 1))
    if [ "$elapsed" -ge "$TIMEOUT" ]; then
        echo "Timed out" >&2
        exit 3
    fi
    sleep "$INTERVAL"
done

if [ "$failed" -gt 0 ]; then
    printf "${RED}%s checks failed${NC}\n" "$failed"
    exit 1
fi
printf "${GREEN}all checks passed${NC}\n"
