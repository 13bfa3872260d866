#!/usr/bin/env bash
#
### Program Name: a mirror exporter
#
### Program Version:
    script_version="0.3.3-beta"
#
### Program Purpose:
#   Pulls package files from an upstream mirror into a local mirror, and
#   exports what is new to an external disk for an air-gapped network. The
#   local mirror keeps track of what was exported before, so that each
#   export holds only the difference.
#
# Stand-in: rsync prints what it would copy.
rsync() { echo "rsync $*"; }

Usage() {
  echo "Usage: ${0##*/} [-h] [-v] [-d] -m <mirror_tld> -r <repo_name>"
  echo "  -d  dry run"
}

Show_version() {
  echo "version ${script_version}"
}

Parse_parameters() {
  local OPTIND opt
  while getopts ":hvdm:r:" opt; do
    case "${opt}" in
      h) Usage; exit 0 ;;
      v) Show_version; exit 0 ;;
      d) dryrun="--dry-run" ;;
      m) mirror_tld="${OPTARG}" ;;
      r) repo_name="${OPTARG}" ;;
      :) echo "[FAIL] -${OPTARG} needs a value"; Usage; exit 1 ;;
      \?) echo "[FAIL] unknown option -${OPTARG}"; Usage; exit 1 ;;
    esac
  done
  if [[ -z "${mirror_tld}" || -z "${repo_name}" ]]; then
    Usage
    exit 1
  fi
}

Sync_repo() {
  local dest="${mirror_tld}/${repo_name}"
  mkdir -p "${dest}" export
  rsync -rtv ${dryrun} "rsync://upstream.example.org/${repo_name}/" "${dest}/"
  find "${dest}" -newer export/.last -type f 2>/dev/null > export/list
  echo "[INFO] $(wc -l < export/list) new files for export"
  touch export/.last
}

Parse_parameters -d -m mirrors -r epel
Show_version
Sync_repo
Parse_parameters -m mirrors -x
