#!/bin/bash
p=/var/www/site/releases/42/public
echo "${p#/var/www/}"
echo "${p/releases/current}"
echo "${p//\//:}"
