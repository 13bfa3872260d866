#!/bin/sh
set -e
TODAY=$(date +%Y%m%d)
DAYS=5
mkdir -p srv/site1/logs srv/site2/logs
for s in site1 site2; do
  echo x > srv/$s/logs/access_log.20200101
  echo y > srv/$s/logs/error_log.20200102
  echo z > srv/$s/logs/access_log.$TODAY
done
touch -d '2020-01-02 00:00:00' srv/site1/logs/error_log.20200102
# Delete the files older than DAYS
find ./srv/*/logs \( -name access_log.* -o -name error_log.* \) -mtime +${DAYS} -delete || echo "Failed to purge log files"
# Compress the files
find ./srv/*/logs \( -name access_log.* -o -name error_log.* \) ! -name *.${TODAY} ! -name *.gz -exec gzip {} \; || echo "Failed to compress log files"
find ./srv -type f | sed "s/$TODAY/TODAY/" | sort
exit 0
