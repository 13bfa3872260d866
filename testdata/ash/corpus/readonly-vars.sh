#!/bin/sh
readonly APP_HOME=./app
export APP_HOME
echo "$APP_HOME"
( APP_HOME=other ) 2>/dev/null || echo "readonly kept"
