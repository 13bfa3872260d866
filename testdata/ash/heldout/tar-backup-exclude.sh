#!/bin/bash
mkdir -p site/cache site/app
echo a > site/app/index; echo c > site/cache/tmp
tar -czf site.tgz --exclude='site/cache' site
tar -tzf site.tgz | sort | tr '\n' ' '; echo
