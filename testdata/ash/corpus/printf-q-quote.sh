#!/bin/sh
arg="it's here"
printf 'ssh host %q\n' "$arg"
