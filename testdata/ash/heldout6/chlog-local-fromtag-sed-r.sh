#!/bin/bash
# Changelog generator
git() {
	case "$1" in
	tag) printf '1.0.0\n1.1.0\n1.2.0\n' ;;
	log)
		case "$3" in
		1.1.0..1.2.0) printf 'a1b2c3d Add export\ne4f5a6b 1.2.0\n' ;;
		1.0.0..1.1.0) printf 'c7d8e9f Fix login -- again\n0a1b2c3 1.1.0 -rc\n' ;;
		1.2.0..) printf 'd4e5f6a Work in progress\n' ;;
		*) printf 'f7a8b9c Initial import\n' ;;
		esac ;;
	esac
}
npm_package_version=1.3.0
ROOT_DIR=$(pwd -P)

_logTag() {
  local fromtag="$1"
  local totag="$2"
  echo -e "\n## ${totag:-v${npm_package_version}}\n"
  if [ -n "$fromtag" -a -n "$totag" ]; then tags="${fromtag}..${totag}";
  elif [ -n "$fromtag" -a -z "$totag" ]; then tags="${fromtag}..";
  else tags="$totag"
  fi
  git log --oneline ${tags} | sed -r 's/^......../* /; /^\* [0-9]+\.[0-9]+\.[0-9]+($| -.*)/d; '
}

changeLog() {
  local fromtag=""
  local totag=""
  local tags=$(git tag | sort -r)
  {
    echo "# CHANGELOG"
    printf '%s\n' "$tags" | {
      while read fromtag; do
        test -n "$totag" && _logTag "${fromtag}" "${totag}"
        test -z "$totag" && _logTag "${fromtag}" ""
        totag=$fromtag
      done
      _logTag "" "$totag"
    }
  } > "$ROOT_DIR/CHANGELOG.md"
}

changeLog
cat CHANGELOG.md
