#!/bin/bash
set -e
set -- -e GREETING=hello -e TARGET=world printf '%s\n'
while true
do
    if [ x"$1"x = x"-e"x ]; then
        eval $2
        export ${2%%=*}
        mkdir -p ./profile.d
        echo "export $2" >> ./profile.d/docker-entrypoint-env.sh
        shift
        shift
        continue
    fi
    break
done
if [ $# -eq 0 ]; then
    echo "would start a shell"
fi
cat ./profile.d/docker-entrypoint-env.sh
"$@" "$GREETING $TARGET"
