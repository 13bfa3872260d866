#!/bin/sh
trap 'echo "+ next"' DEBUG
echo one
