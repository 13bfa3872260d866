#!/bin/bash
printf '# defaults\nAPP_PORT=8080\nAPP_NAME=demo app\nPATH=/usr/bin:/bin\n' > env
APP_PORT=9090
while IFS="=" read -r key value; do
case "$key" in
    '#'*) ;;
    'PATH')
    eval export "$key=\"$value\""
    ;;
    *)
    eval export "$key=\${$key:-$value}"
esac
done < ./env
set -- sh -c 'echo "port=$APP_PORT name=$APP_NAME path=$PATH"'
exec "$@"
