#!/bin/bash
DB_URL_prod=postgres://prod
envname=prod
var="DB_URL_$envname"
echo "${!var}"
