#!/usr/bin/env bash

# Fixtures: the release zips.
mkdir -p release
printf 'rime config\n' > release/rimerc-full.zip
printf 'rime config lite\n' > release/rimerc-lite.zip

releasePath=release
shasum=rimerc.sha256

pushd ${releasePath}

# generate shasum
sha256sum *.zip > ${shasum}

# check shasum
sha256sum -c ${shasum}

popd
cat ${releasePath}/${shasum}
