#!/bin/sh
: "${PORT:=8080}"
: "${HOST:=0.0.0.0}"
echo "$HOST:$PORT"
