#!/bin/bash
shopt -s globstar
mkdir -p a/b; touch a/b/x.conf
for f in **/*.conf; do echo "$f"; done
