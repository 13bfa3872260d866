#!/bin/sh
APP_A=1
APP_B=2
for v in ${!APP_*}; do echo "$v"; done
