#!/bin/sh
env -i FOO=bar sh -c 'echo "FOO=$FOO"'
