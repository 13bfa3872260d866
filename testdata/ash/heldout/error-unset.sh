#!/bin/bash
check() { : "${1:?missing argument}"; echo "have $1"; }
check x
( check ) 2>/dev/null || echo "refused: $?"
