#!/bin/sh
touch -d '2001-01-01' a; touch -d '2002-01-01' b
ls -t | head -n 1
