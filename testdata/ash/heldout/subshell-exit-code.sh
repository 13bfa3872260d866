#!/bin/sh
( exit 3 )
echo "sub exited $?"
