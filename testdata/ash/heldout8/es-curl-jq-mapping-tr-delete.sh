#!/bin/bash

# Stand-ins: curl answers the mapping query and the deletes; jq (which a
# base system lacks) gives the keys the source's filters would select.
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
case "$*" in
*-XGET*) echo '{"historic-2023":{},"live":{},"historic-2024":{}}' ;;
*-XDELETE*) for a in "$@"; do last=$a; done; echo "{\"acknowledged\":true} ${last##*/}" ;;
esac
EOF
cat > bin/jq <<'EOF'
#!/bin/sh
case "$1" in
*select*) cat >/dev/null; printf '"historic-2023"\n"historic-2024"\n' ;;
*) cat ;;
esac
EOF
chmod +x bin/curl bin/jq
PATH="$PWD/bin:$PATH"

indices=`curl -XGET http://elastic:changeme@localhost:9200/_mapping?pretty=true | jq 'to_entries | .[] | {(.key): .value.mappings | keys}' | jq 'to_entries | .[] | select(.value | index("historic")) | .key'`
sanitized=`echo "$indices" | tr -d '"'`

for index in $sanitized
do
  echo "Deleting $index" 
  curl -XDELETE -u elastic:changeme http://localhost:9200/$index
done
