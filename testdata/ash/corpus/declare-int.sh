#!/bin/sh
declare -i retries=3
declare name="svc"
echo "$name $retries"
