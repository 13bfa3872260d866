# This script bumps the version based on the previous tag. If no tags are
# present, this will be interpreted '0.0.0'.
git() { case "$*" in "describe --tag --abbrev=0") [ -f has-tag ] && echo "1.9.3" && return 0; return 128;; *) echo "git $*";; esac; }
VERSION=""
__bump_version() {
  local ver
  local new_ver
  ver=$(git describe --tag --abbrev=0)
  ecode=$?
  # 128 means that no tags were found
  if [[ $ecode -eq 128 ]]; then
    ver="0.0.0"
    echo "Tag not found, bumping from '$ver'"
  elif [[ $ecode -ne 0 ]]; then
    echo "Unexpected exit code from git describe!"
    return
  else
    echo "Found tag, bumping from '$ver'"
  fi
  new_ver=$(echo "$ver" | awk -F. '{printf("%d.%d.%d", $1, $2, $3+1)}')
  VERSION="$new_ver"
}
__bump_version
echo "version: $VERSION"
touch has-tag
__bump_version
echo "version: $VERSION"
