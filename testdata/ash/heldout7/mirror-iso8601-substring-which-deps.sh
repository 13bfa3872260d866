#!/bin/bash

# Stand-in: rsync prints what it would fetch.
rsync() { echo "rsync $*"; }

### Program Version:
    script_version="0.1.0-beta"

# Sets timestamp used in log file lines and log file names and other functions
Get_time() {
  timestamp="$(date --iso-8601='ns' 2>/dev/null)";
  timestamp="${timestamp//[^0-9]}";
  timestamp="${timestamp:8:8}";
  if [[ -z "${timestamp}" ]]; then
    echo "[FAIL] Failed to set timestamp; ensure date supports \"--iso-8601\" flag!";
    exit 1;
  fi
}

# This function does a dependency check before proceeding
Check_deps() {
  which which &>/dev/null \
    || { echo "[FAIL] Dependency (which) missing!"; exit 1; };
  for dep in grep \
             date \
             basename \
             realpath \
             mkdir \
             tee;
  do
    which ${dep} &>/dev/null \
      || { echo "[FAIL] Dependency (${dep}) missing!"; exit 1; };
  done
}

# Syncs each repository named in the configuration
Sync_repos() {
  mkdir -p mirror logs
  for repo in $(grep -v '^#' repos.conf); do
    echo "[INFO] syncing ${repo}" | tee -a "logs/sync.${timestamp}.log";
    rsync -av "rsync://mirror.example.org/${repo}/" "mirror/${repo}/";
  done
}

printf '# repositories\nalpine\ndebian\n' > repos.conf
echo "sync script ${script_version}"
Check_deps
Get_time
Sync_repos
echo "[INFO] ${#timestamp}-digit stamp, $(ls logs | wc -l) log file"
