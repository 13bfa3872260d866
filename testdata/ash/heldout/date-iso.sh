#!/bin/sh
date -u -d @0 +%Y-%m-%dT%H:%M:%SZ
