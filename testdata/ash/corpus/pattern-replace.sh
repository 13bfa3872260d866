#!/bin/sh
host="web-01.example.com"
echo "${host//./_}"
echo "${host/web/app}"
echo "${host:0:6}"
path="/srv/app/releases/42"
echo "${path: -2}"
