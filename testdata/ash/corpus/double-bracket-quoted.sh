#!/bin/sh
env=production
region="eu west"
if [[ "$env" == prod* && -n "$region" ]]; then
	echo "prod in $region"
fi
if [[ ! -e ./missing ]]; then
	echo "no marker"
fi
