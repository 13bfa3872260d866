#!/bin/bash
# Stand-in: curl prints the method and index it would be sent (not the
# time range, which moves with the clock).
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
m=GET
for a in "$@"; do case "$a" in -X*) m=${a#-X};; http*) u=$a;; esac; done
echo "curl $m ${u#http://localhost:9200}"
EOF
chmod +x bin/curl
PATH="$PWD/bin:$PATH"

usage() {
	echo '
This script is used for cleaning up Elasticsearch indices.
Please update your Elasticsearch credentials in this script

Usage: ./cleanup.sh {o} {url} {index} {days}

Example: 
  ./cleanup.sh -d http://localhost:9200 .management-beats 
  ./cleanup.sh -r http://localhost:9200 chat 15

Options:
  -d | --delete     Delete an entire index
  -r | --retain     Query an index back in time, output logs?? 
'
}

log() {
	local level=$1
	local data=$2
	echo -e '["'$level'"]  "'$data'"\n'
}

main() {
if [ $# -lt 3 ]; then
	log 'ERROR' 'Must provide at least three arguments'
	usage && exit -1
fi

user=elastic
pass=changeme

option=$1
esURL=$2
indexName=$3
secondsSinceEpoch=$(date +%s)

case $option in
	-d|--delete)
		log 'INFO' "Deleting index $indexName"
		curl -s -u $user:$pass -XDELETE "$esURL/$indexName"
		;;
	-r|--retain)
		days=${4:-30}
		cutoff=$(( (secondsSinceEpoch - days * 86400) * 1000 ))
		log 'INFO' "Deleting $indexName documents older than $days days"
		curl -s -u $user:$pass -XPOST -H 'Content-Type: application/json' "$esURL/$indexName/_delete_by_query" \
			-d '{"query":{"range":{"@timestamp":{"lt":'$cutoff'}}}}'
		;;
	*)
		log 'ERROR' "Unknown option $option"
		usage
		exit 1
		;;
esac
}

( main -r http://localhost:9200 chat 15 )
( main -d http://localhost:9200 .management-beats )
( main chat )
echo "status $?"
