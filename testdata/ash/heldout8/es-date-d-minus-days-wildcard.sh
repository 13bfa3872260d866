#!/bin/bash
# Stand-in: curl prints what it would delete, digits masked (the date
# differs from day to day).
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
echo "curl $*" | sed 's/[0-9]/N/g'
EOF
chmod +x bin/curl
PATH="$PWD/bin:$PATH"
set -- 30

IP=127.0.0.1
PORT=9200

#clear $num days ago index
LAST_DATA=`date -d "-$1 days" "+%Y.%m.%d"`


curl -X DELETE "${IP}:${PORT}/*-${LAST_DATA}"
#curl -X GET "${IP}:${PORT}/_cat/indices/?v"
