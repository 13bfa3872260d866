#!/bin/sh
echo data > pkg.tar
sha256sum pkg.tar > pkg.sha256
sha256sum -c pkg.sha256
