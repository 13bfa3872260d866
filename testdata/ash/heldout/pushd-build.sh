#!/bin/bash
mkdir -p build
pushd build > /dev/null
touch artifact
popd > /dev/null
ls build
