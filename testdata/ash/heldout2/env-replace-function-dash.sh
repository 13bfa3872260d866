#!/usr/bin/env bash
function replace-env {
    echo "=> Replace $1"
    for var in $(compgen -e | grep "^APP_" | sort)
    do
        if [[ "${var}" = *"PASS" ]] || [[ "${var}" = *"KEY" ]]; then
            echo "=> (environment) ${var} => ********"
        else
            echo "=> (environment) ${var} => ${!var}"
        fi
        sed -i -e "s#{${var}}#${!var}#g" "$1"
        if [ -d "$1" ]; then
            rm -f "$1"/*-e
        else
            rm -f "$1"*-e
        fi
    done
}
export APP_NAME=shop APP_PASS=hunter2
echo 'name={APP_NAME} pass={APP_PASS}' > config.txt
set -- config.txt
if [[ -n $1 ]]; then
    replace-env "$1"
fi
cat config.txt
