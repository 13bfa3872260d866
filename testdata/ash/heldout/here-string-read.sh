#!/bin/bash
IFS=: read -r user _ uid _ <<< "root:x:0:0"
echo "$user has uid $uid"
