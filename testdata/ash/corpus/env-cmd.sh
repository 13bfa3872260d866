#!/bin/sh
env FOO=bar sh -c 'echo "FOO=$FOO"'
env -u PATH sh -c 'echo "${PATH:-nopath}"' 2>/dev/null || echo "env -u failed"
