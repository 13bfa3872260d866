# run .travis.yml
#
# environment.sh - prepare TRAVIS_* environment
#

# The action's directory and the step environment file, below the working
# directory; gh_var (of the action's library) records and exports a variable.
GITHUB_ACTION_PATH=./action
GITHUB_ENV=./github_env
mkdir -p "$GITHUB_ACTION_PATH/lib/bin-shims"
gh_var() {
  printf '%s=%s\n' "$1" "$2" >> "$GITHUB_ENV"
  export "$1=$2"
}

# add bin-shims first in path
if ! hash phpenv 2>/dev/null; then
  PATH="$GITHUB_ACTION_PATH/lib/bin-shims:$PATH"
  export PATH
fi
# set shell to bash
SHELL="${SHELL-$BASH}"
export SHELL

### travis environment variables

gh_var TRAVIS                                  true
gh_var CI                                      true
gh_var CONTINUOUS_INTEGRATION                  true
gh_var DEBIAN_FRONTEND                         noninteractive
gh_var HAS_JOSH_K_SEAL_OF_APPROVAL             true
gh_var PAGER                                   cat

echo "PATH starts with ${PATH%%:*}"
echo "SHELL=$SHELL"
cat "$GITHUB_ENV"
