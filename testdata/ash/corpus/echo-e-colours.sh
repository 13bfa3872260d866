#!/bin/sh
ok() { echo -e "[ OK ]\t$*"; }
fail() { echo -e "[FAIL]\t$*"; }
ok "config valid"
fail "disk almost full"
echo -n "no newline"
echo
