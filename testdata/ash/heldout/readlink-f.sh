#!/bin/sh
mkdir -p real
ln -sf real link
basename "$(readlink -f link)"
