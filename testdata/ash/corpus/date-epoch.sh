#!/bin/sh
start=$(date -u -d '2024-01-01 00:00:00' +%s)
end=$(date -u -d '2024-01-02 12:00:00' +%s)
echo "elapsed hours: $(( (end - start) / 3600 ))"
date -u -d "@$start" +%Y-%m-%d
