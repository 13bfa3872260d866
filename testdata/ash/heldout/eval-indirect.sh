#!/bin/sh
DB_URL_prod=postgres://prod
envname=prod
eval "url=\$DB_URL_$envname"
echo "$url"
