#!/bin/sh
die() { echo "error: $*" >&2; exit 1; }
require() {
	for v in "$@"; do
		eval "[ -n \"\${$v:-}\" ]" || die "$v is not set"
	done
}
APP=shop
VERSION=1.2
require APP VERSION
echo "deploying $APP $VERSION"
