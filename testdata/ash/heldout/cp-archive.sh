#!/bin/sh
mkdir -p src/sub; echo x > src/sub/f
cp -a src dst
ls -R dst | grep -c f
