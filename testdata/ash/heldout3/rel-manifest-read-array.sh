#!/bin/bash
# invoked after a semver bump, before the bump is pushed
git() { echo "git $*"; }
MANIFEST="common/version/VERSION"
mkdir -p common/version
echo "0.14.2" > $MANIFEST
declare -x SCRIPTPATH="./x"
FULLPATH=${SCRIPTPATH%/*}/$MANIFEST
if [ -f $FULLPATH ]
then
	LINE=$(grep -o ${FULLPATH} -e '^[0]\.[0-9]*\.[0-9]*');
	IFS='.' read -r -a array <<< "$LINE"
	git tag -a ${array[0]}.${array[1]}.${array[2]} -m "${array[0]}.${array[1]}.${array[2]}"
fi;
