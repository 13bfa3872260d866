#!/bin/sh
mkdir -p ./srv/{logs,cache,tmp}
ls ./srv | sort
