#!/bin/bash
USERS=(alice bob carol)
for u in "${USERS[@]}"; do
  mkdir -p "home/$u"
  echo "created $u"
done
echo "total: ${#USERS[@]}"
