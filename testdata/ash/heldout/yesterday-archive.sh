#!/bin/bash
YESTERDAY=$(date -d "yesterday" +%Y-%m-%d)
mkdir -p archive
touch "archive/app-$YESTERDAY.log"
ls archive | wc -l
