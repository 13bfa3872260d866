#!/bin/sh
DB_HOST=db.internal
key=DB_HOST
echo "$key=${!key}"
