#!/bin/sh
: "${APP_ENV:=production}"
: "${APP_PORT:=8080}"
LOG_LEVEL=${LOG_LEVEL:-info}
echo "$APP_ENV $APP_PORT $LOG_LEVEL"
echo "${UNSET_VAR-unset} ${APP_ENV:+set}"
