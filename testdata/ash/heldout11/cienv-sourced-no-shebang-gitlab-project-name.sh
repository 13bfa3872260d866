# SPDX-License-Identifier: GPL-2.0-or-later

### description ################################################################

# check if running in CI (GitHub or GitLab)

### shellcheck #################################################################

# shellcheck shell=bash # no shebang as this file is intended to be sourced

# The environments it is sourced in: none, GitHub, GitLab.
for env in "" "CI=true" "CI=true CI_PROJECT_NAME=inkscape"; do
(
unset CI CI_PROJECT_NAME
[ -n "$env" ] && export $env

### variables ##################################################################

if [ -z "$CI" ]; then   # both GitHub and GitLab set this
  CI=false
  CI_GITHUB=false
  CI_GITLAB=false
else
  CI=true

  if [ -z "$CI_PROJECT_NAME" ]; then  # this is a GitLab-only variable
    CI_GITHUB=true
    CI_GITLAB=false
  else
    CI_GITHUB=false
    CI_GITLAB=true

    # Since GitLab uses colors in their CI there's no need to disable ours.
    ANSI_TERM_ONLY=false   # use ANSI control characters even if not in terminal
  fi
fi

echo "CI=$CI CI_GITHUB=$CI_GITHUB CI_GITLAB=$CI_GITLAB ANSI_TERM_ONLY=${ANSI_TERM_ONLY-unset}"
)
done
