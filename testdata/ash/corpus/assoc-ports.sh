#!/bin/sh
declare -A ports
ports[web]=80
ports[db]=5432
for svc in web db; do
	echo "$svc -> ${ports[$svc]}"
done
