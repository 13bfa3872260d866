#!/bin/bash
arg="it's here"
printf 'ssh host %q\n' "$arg"
