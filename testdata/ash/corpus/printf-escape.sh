#!/bin/sh
printf 'col1\tcol2\n'
printf '%s\n' 'literal \t stays'
printf '%b\n' 'a\tb'
