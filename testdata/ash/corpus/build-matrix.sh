#!/bin/bash
for os in alpine debian; do
	for arch in amd64 arm64; do
		tag="app:${os}-${arch}"
		echo "build $tag"
	done
done
for v in {18..20}; do echo "node $v"; done
