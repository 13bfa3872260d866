#!/bin/bash

#If you use date based index this script deletes old indexes that you can describe as index date
# Stand-in: curl lists fixed indices and reports deletes (a function: the
# script sets its own PATH).
curl() {
	case "$*" in
	*XGET*) cat <<'EOF'
health status index                      uuid   pri rep docs.count
green  open   index_name-app-prod-2019.03.01 aaaa 1 1 10
green  open   index_name-app-prod-2019.02.01 bbbb 1 1 10
green  open   index_name-app-prod-2099.01.01 cccc 1 1 10
EOF
	;;
	*XDELETE*) echo "{\"acknowledged\":true}" ;;
	esac
}

PATH=/sbin:/usr/sbin:/bin:/usr/bin
export PATH

tarih=$(date --date="90 days ago" +"%Y"."%m"."%d")
es_host="https://127.0.0.1:9200"

   for i in `(curl -u elastic:your_elastic_password -XGET https://127.0.0.1:9200/_cat/indices?v --insecure|egrep  index_name-* |sort |awk '{print $3}' |cut -d '-' -f 4)`;
   #awk '{print $3}' you should select correct section as date
     do

   if [[ $i < $tarih ]];
    then
      curl -s --insecure -u elastic:your_elastic_password -XDELETE "https://127.0.0.1:9200/index_name-$i"
      echo $i index deleted
   else
      exit
   fi;
done
