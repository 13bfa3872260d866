#!/bin/sh
mkdir -p build
(cd build && touch artifact)
ls build
