#!/bin/bash
#
# Delete cifpy3 format indices from elasticsearch maintaining only a
# specified number based on days
#
# Stand-in: curl lists fixed indices and reports deletes.
mkdir -p bin
cat > bin/curl <<'EOF'
#!/bin/sh
for a in "$@"; do last=$a; done
case "$*" in
*-XDELETE*) last=${last%/}; echo "deleted ${last##*/}" ;;
*) printf '%s\n' "green open cifpy3.2024.01.03 1 1" "green open cifpy3.2024.01.01 1 1" "green open other.2024.01.01 1 1" "green open cifpy3.2024.01.04 1 1" "green open cifpy3.2024.01.02 1 1" ;;
esac
EOF
chmod +x bin/curl
PATH="$PWD/bin:$PATH"
set -- -i 2 -e http://es.example:9200

usage()
{
cat << EOF

cifpy3-remove-old-indices.sh

Compares the current list of indices to a configured value and deletes any
indices surpassing the number of days.

USAGE: ./cifpy3-remove-old-indices.sh [OPTIONS]

OPTIONS:
  -h    Show this message
  -i    Indices to keep in days (default: 31)
  -e    Elasticsearch URL (default: http://localhost:9200)
  -o    Output actions to a specified file

EOF
}

# Defaults
ELASTICSEARCH="http://localhost:9200"
KEEP=31
GREP="cifpy3"
LOGFILE=
RE_D="^[0-9]+$"

while getopts ":i:e:o:h" flag
do
  case "$flag" in
    h)
      usage
      exit 0
      ;;
    i)
      if [[ $OPTARG =~ $RE_D ]]; then
        KEEP=$OPTARG
      else
        ERROR="${ERROR}Days to keep must be a whole number (-i).\n"
      fi
      ;;
    e)
      ELASTICSEARCH=$OPTARG
      ;;
    o)
      LOGFILE=$OPTARG
      ;;
    ?)
      usage
      exit 1
      ;;
  esac
done

# Errors found while reading the options: show them with the usage and stop.
if [ -n "$ERROR" ]; then
  echo -e $ERROR
  usage
  exit 1
fi

# The indices, newest first
INDICES_TEXT=`curl -s "$ELASTICSEARCH/_cat/indices?v" | awk '{ print $3 }' | grep "^$GREP\." | sort -r`

if [ -z "$INDICES_TEXT" ]; then
  echo "No indices returned containing '$GREP' from $ELASTICSEARCH."
  exit 1
fi

# Delete all but the newest KEEP
declare -a INDEX=($INDICES_TEXT)
if [ ${#INDEX[@]} -gt $KEEP ]; then
  for index in ${INDEX[@]:$KEEP};do
    # never delete everything by accident
    if [ -n "$index" ]; then
      if [ -z "$LOGFILE" ]; then
        curl -s -XDELETE "$ELASTICSEARCH/$index/"
      else
        echo "Deleting index: $index." >> $LOGFILE
        curl -s -XDELETE "$ELASTICSEARCH/$index/" >> $LOGFILE
      fi
    fi
  done
fi

exit 0
