#!/bin/sh
HOME=$PWD
printf '# comment\nGREETING=hello\nTARGET=$GREETING-world\n' > "$HOME/.env"
if [ -f "$HOME/.env" ]; then
  echo "Loading env vars from ~/.env"
  export $(echo $(cat "$HOME/.env" | sed 's/#.*//g'| xargs) | envsubst)
fi
echo "greeting=$GREETING target=$TARGET"
