#!/bin/sh
umask 077
touch secret
ls -l secret | cut -c1-10
