#!/bin/sh

mkdir -p github
cd github
GITHUB_NAME_1=wiki
GITHUB_URL_1=https://example.org/wiki.git
SLEEP_TIME=0
git() { echo "git $*"; return 1; }

rounds=0
while true
do
  n=1
  name="GITHUB_NAME_${n}"
  echo $name
  url="GITHUB_URL_${n}"
  echo $url
  while [! -z "$name" ]
  do
    git -C $name pull || git clone $url $name
    ((n++))
  done
  sleep $SLEEP_TIME
  rounds=$((rounds + 1))
  [ $rounds -ge 2 ] && break
done

