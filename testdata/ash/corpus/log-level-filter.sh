#!/bin/bash
level=${1:-warn}
printf 'DEBUG a\nINFO b\nWARN c\nERROR d\n' > ./app.log
case ${level^^} in
	WARN) grep -E '^(WARN|ERROR)' ./app.log ;;
	ERROR) grep '^ERROR' ./app.log ;;
	*) cat ./app.log ;;
esac
