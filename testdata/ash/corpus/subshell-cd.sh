#!/bin/sh
mkdir -p ./build/out
(
	cd ./build || exit 1
	touch out/artifact
)
ls ./build/out
pwd | grep -c build
