#!/bin/sh
path="/srv/my app"
echo "quoted: ${path@Q}"
