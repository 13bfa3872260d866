#!/bin/sh
printf 's3cret' | base64
printf 'czNjcmV0' | base64 -d; echo
