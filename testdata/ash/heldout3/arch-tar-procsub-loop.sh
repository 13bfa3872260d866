#!/bin/bash
set -e
# Archive install-log files modified 7 days ago.
ARCHIVE_DIR="archive"
mkdir -p $ARCHIVE_DIR
echo x > install-1.log; echo y > install-2.log; echo z > run.sh
touch -d '2020-01-01 00:00:00' install-1.log run.sh
while IFS='' read -r FILENAME || [[ -n "$FILENAME" ]]; do
  echo "Archive ${FILENAME} ..."
  tar -zcvf ${ARCHIVE_DIR}/${FILENAME}.tar.gz ${FILENAME} && rm -f ${FILENAME}
done < <( find . -maxdepth 1 -type f -mtime +7 | grep -v 'tar.gz' | grep -v '.sh' )
ls $ARCHIVE_DIR
