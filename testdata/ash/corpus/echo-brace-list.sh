#!/bin/sh
for svc in nginx.{service,socket}; do
	echo "unit $svc"
done
