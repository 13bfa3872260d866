#!/bin/sh
build() { echo "compiling"; echo "warning: x" >&2; }
build |& tee ./build.log >/dev/null
wc -l < ./build.log
