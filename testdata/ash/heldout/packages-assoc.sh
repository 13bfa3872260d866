#!/bin/bash
declare -A PKG=( [web]=nginx [db]=postgresql [cache]=redis )
for role in web db cache; do
  echo "$role -> ${PKG[$role]}"
done
