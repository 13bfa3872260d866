#!/bin/bash
declare -i total=0
total+=5
total+=7
echo "total=$total"
