#!/bin/bash
# Bash utilities intended to be sourced by and used within CI.

# Retry a command a few times, to work around transient failures.
# Uses an exponential back-off scheme to avoid re-trying too soon.
#  Param 1 is the maximum number of attempts.
#  Param 2 is the initial time to sleep in seconds on failure.
#  Param 3 is the multiplicative backoff factor (an integer).
# e.g. retry 5 2 2 echo test message
retry ()
{
  local attempts=$1 delay=$2 factor=$3
  shift 3
  local n=1
  while ! "$@"; do
    if (( n >= attempts )); then
      echo "Command failed after $n attempts: $*" >&2
      return 1
    fi
    echo "Attempt $n failed; retrying in ${delay}s"
    sleep "$delay"
    (( n++ ))
    delay=$(( delay * factor ))
  done
}

retry 5 0 2 echo test message
retry 3 0 2 test -d nowhere
echo "exit $?"
