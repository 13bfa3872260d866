#!/bin/sh
# Exit non-zero when the status file says the service is unhealthy.
status_file=./status
echo "ok" > "$status_file"
check() {
	state=$(cat "$status_file" 2>/dev/null || echo missing)
	case "$state" in
		ok) return 0 ;;
		degraded) echo "warning: degraded"; return 0 ;;
		*) echo "critical: $state"; return 2 ;;
	esac
}
check && echo healthy
echo degraded > "$status_file"
check
