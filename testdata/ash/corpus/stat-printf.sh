#!/bin/sh
touch ./f
stat --printf '%s\n' ./f
