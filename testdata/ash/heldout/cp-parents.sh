#!/bin/bash
mkdir -p src/a/b; echo x > src/a/b/f
mkdir dst
cp --parents src/a/b/f dst/
find dst -type f
