#!/bin/bash
# Stand-ins: curl answers the delete; python (which a base system lacks)
# prints what json.tool is given.
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
echo "{\"acknowledged\":true,\"url\":\"$2\"}"
EOF
cat > bin/python <<'EOF'
#!/bin/sh
echo "json.tool:"; cat; echo
EOF
chmod +x bin/curl bin/python
PATH="$PWD/bin:$PATH"

INDEX_DATE=`date -v-100d +"%Y.%m.%d"`
ELASTIC_ADDR=127.0.0.1:9200
INDEX_PREFIX=filebeat-6.8.13-

if [ "$#" -eq 1 ]; then
  INDEX_DATE="$1"
fi

echo "$INDEX_PREFIX$INDEX_DATE will be deleted"
curl -XDELETE "http://$ELASTIC_ADDR/$INDEX_PREFIX$INDEX_DATE" | python -m json.tool
echo ""
